package io.cherrypick.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * Sign-in and roles for the console and the JSON API ({@link AccessRules} says who may call what). People sign in on a
 * form (the console, Swagger UI); scripts send HTTP Basic credentials with every request.
 * <ul>
 * <li>Nobody is ever offered a Basic challenge: a request without a sign-in gets 401 with a JSON error (or, for a page,
 * the sign-in form), never {@code WWW-Authenticate: Basic}, so no browser prompts for credentials and caches them.</li>
 * <li>Every state-changing request carries a CSRF token (cookie {@code XSRF-TOKEN}, header {@code X-XSRF-TOKEN}),
 * except a script's: HTTP Basic credentials, no cookie and no browser origin ({@link #scriptRequest}).</li>
 * <li>Failed sign-ins are throttled ({@link LoginThrottle}).</li>
 * </ul>
 * With {@code cherrypick.security.enabled=false} (the embedded demo) everything is open and the log says so; start-up
 * refuses that against real systems (StartupChecks).
 */
@Configuration
@ConditionalOnWebApplication // the setup audit's command runs without a web server: nothing to sign in to
public class SecurityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    LoginThrottle loginThrottle(AccessProperties access) {
        return new LoginThrottle(access.loginThrottle(), Clock.systemUTC());
    }

    @Bean
    SecurityFilterChain cherrypickSecurity(HttpSecurity http, AccessProperties access, LoginThrottle throttle)
            throws Exception {
        if (!access.enabled()) {
            log.warn("sign-in is off (cherrypick.security.enabled=false): the console and the API are open to anyone who"
                    + " reaches this port; switch it on with CHERRYPICK_SECURITY_ENABLED=true and CHERRYPICK_USERS");
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(csrf -> csrf.disable()).build();
        }
        AuthenticationEntryPoint signInFirst = new SignInFirst();
        return http.authorizeHttpRequests(requests -> {
                    for (AccessRules.Rule rule : AccessRules.RULES) {
                        AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url = rule.method() == null
                                ? requests.requestMatchers(rule.pattern())
                                : requests.requestMatchers(rule.method(), rule.pattern());
                        if (rule.open()) {
                            url.permitAll();
                        } else {
                            url.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
                        }
                    }
                    requests.anyRequest().authenticated();
                })
                .formLogin(form -> form.defaultSuccessUrl("/ops", false))
                // the entry point Basic registers for API requests (form sign-in keeps pages); set as the one entry
                // point for everything, it would switch the generated sign-in page off
                .httpBasic(basic -> basic.authenticationEntryPoint(signInFirst))
                .addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ConsoleCsrfTokens())
                        .ignoringRequestMatchers("/sim/**", "/webhooks/**")
                        .ignoringRequestMatchers(SecurityConfiguration::scriptRequest))
                .build();
    }

    /**
     * A script's request, which needs no CSRF token: it signs in by itself (HTTP Basic), carries no cookie (so no
     * session a forged request could ride on) and no sign of a browser page ({@code Origin} or {@code Sec-Fetch-Site},
     * which browsers add to every cross-site request). A browser that has Basic credentials cached still sends
     * {@code Origin} with a POST, so a forged one needs the token like any other.
     */
    static boolean scriptRequest(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && request.getHeader(HttpHeaders.COOKIE) == null
                && request.getHeader(HttpHeaders.ORIGIN) == null
                && request.getHeader("Sec-Fetch-Site") == null;
    }

    /** Not signed in (API requests, wrong Basic credentials): 401 and a JSON error, never a Basic challenge. */
    static final class SignInFirst implements AuthenticationEntryPoint {
        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(("{\"error\":\"sign in first: on the console's form (/login), or with HTTP"
                    + " Basic credentials sent with every request\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Bean
    UserDetailsService cherrypickUsers(AccessProperties access) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (!access.enabled()) {
            return users;
        }
        for (AccessProperties.User user : access.parsedUsers()) {
            users.createUser(User.withUsername(user.name()).password(user.password())
                    .roles(user.roles().stream().map(Role::name).toArray(String[]::new)).build());
        }
        log.info("sign-in is on: {} user(s)", access.users().size());
        return users;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
