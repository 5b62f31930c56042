package io.cherrypick.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing ({@code cherrypick.security.login-throttle}): failed sign-ins are counted per user name
 * and per client address; once a name or an address reaches its limit within the lockout period, its sign-in attempts
 * (form or HTTP Basic) are answered 429 with Retry-After for the lockout period, without checking the password. A
 * successful sign-in clears the name's count. Counts are kept per instance, in memory.
 */
public class LoginThrottle {
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Entries kept at most; past it, the ones whose period is over are dropped. */
    private static final int MAX_ENTRIES = 10_000;

    private final AccessProperties.LoginThrottle settings;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(AccessProperties.LoginThrottle settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Failures of one name or address: how many since {@code since}, and until when it is locked. */
    private record Failures(int count, Instant since, Instant lockedUntil) {
    }

    /**
     * The filter that refuses a locked name's or address's attempts, for the sign-in filter chain (not a bean: a bean
     * filter would also run outside the chain).
     */
    public OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Optional<String> name = attemptedName(request);
                Optional<Duration> wait = name.isEmpty() ? Optional.empty() : locked(name.get(), request.getRemoteAddr());
                if (wait.isEmpty()) {
                    chain.doFilter(request, response);
                    return;
                }
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                response.setStatus(429);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.getOutputStream().write(("{\"error\":\"too many failed sign-ins for this name or from this"
                        + " address: try again in " + seconds + " s\"}").getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /** How long this name or address must still wait, if it is locked. */
    Optional<Duration> locked(String name, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(nameKey(name), now), lockedUntil(addressKey(address), now));
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    @EventListener
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        Authentication attempt = event.getAuthentication();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        failed(attempt.getName(), address);
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        failures.remove(nameKey(event.getAuthentication().getName()));
    }

    void failed(String name, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_ENTRIES) {
            failures.values().removeIf(f -> f.since().plus(settings.lockout()).isBefore(now)
                    && (f.lockedUntil() == null || f.lockedUntil().isBefore(now)));
        }
        count(nameKey(name), settings.maxFailures(), now);
        if (address != null) {
            count(addressKey(address), settings.maxFailuresPerAddress(), now);
        }
    }

    private void count(String key, int limit, Instant now) {
        Failures after = failures.compute(key, (k, f) -> {
            if (f == null || f.since().plus(settings.lockout()).isBefore(now)) {
                f = new Failures(0, now, null);
            }
            int count = f.count() + 1;
            return count >= limit ? new Failures(0, now, now.plus(settings.lockout())) : new Failures(count, f.since(), null);
        });
        if (after.lockedUntil() != null) {
            log.warn("sign-in locked for {} until {} after {} failed attempts", key, after.lockedUntil(), limit);
        }
    }

    private Instant lockedUntil(String key, Instant now) {
        Failures f = failures.get(key);
        return f == null || f.lockedUntil() == null || !f.lockedUntil().isAfter(now) ? null : f.lockedUntil();
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static String nameKey(String name) {
        return "name " + (name == null ? "" : name.strip().toLowerCase());
    }

    private static String addressKey(String address) {
        return "address " + address;
    }

    /** The name a request signs in with: the form's {@code username} on POST /login, or the HTTP Basic user. */
    static Optional<String> attemptedName(HttpServletRequest request) {
        if (HttpMethod.POST.matches(request.getMethod()) && "/login".equals(request.getServletPath())) {
            return Optional.of(String.valueOf(request.getParameter("username")));
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
            } catch (IllegalArgumentException notBase64) {
                return Optional.of("");
            }
        }
        return Optional.empty();
    }
}
