package io.cherrypick.security;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what, in one table: the sign-in filter enforces it ({@link SecurityConfiguration}) and the OpenAPI
 * description shows it on each endpoint. The first rule that matches a request decides; a request no rule matches
 * needs any signed-in user.
 */
public final class AccessRules {
    /**
     * One rule. {@code method} null matches every method; {@code open}: no sign-in; otherwise {@code roles} (empty: any
     * signed-in user).
     */
    public record Rule(HttpMethod method, String pattern, boolean open, List<Role> roles) {
        public boolean matches(HttpMethod requestMethod, String path) {
            return (method == null || method.equals(requestMethod))
                    && PathPatternParser.defaultInstance.parse(pattern).matches(PathContainer.parsePath(path));
        }

        /** What the rule asks, in words (shown in the OpenAPI description). */
        public String describe() {
            if (open) {
                return "No sign-in.";
            }
            return roles.isEmpty() ? "Any signed-in user."
                    : "Signed-in users with role " + String.join(" or ", roles.stream().map(Role::name).toList()) + ".";
        }
    }

    /** The simulators, the Peoplevox webhooks (which check their own token), health and Prometheus, the sign-in page. */
    public static final List<Rule> RULES = List.of(
            open("/sim/**"), open("/webhooks/**"), open("/actuator/health/**"), open("/actuator/prometheus"),
            open("/login"), open("/error"),
            rule(HttpMethod.POST, "/api/exceptions/**", Role.SUPPORT, Role.ADMIN),
            rule(HttpMethod.PUT, "/api/mappings/**", Role.ADMIN),
            rule(HttpMethod.DELETE, "/api/mappings/**", Role.ADMIN),
            rule(null, "/api/reconciliation/**", Role.FINANCE, Role.ADMIN),
            rule(HttpMethod.POST, "/api/stock/**", Role.ADMIN),
            rule(HttpMethod.POST, "/api/audit", Role.SUPPORT, Role.ADMIN),
            rule(null, "/api/audit/runs/**", Role.SUPPORT, Role.ADMIN),
            rule(null, "/api/audit", Role.SUPPORT, Role.FINANCE, Role.ADMIN),
            // the console's lists of what the endpoints above guard need the same roles
            rule(null, "/api/lists/audit", Role.SUPPORT, Role.FINANCE, Role.ADMIN),
            rule(null, "/api/lists/stock-variances", Role.FINANCE, Role.ADMIN),
            rule(null, "/api/lists/despatched-not-confirmed", Role.FINANCE, Role.ADMIN),
            rule(null, "/actuator/**", Role.ADMIN));

    /** What a request that no rule names needs. */
    public static final Rule SIGNED_IN = new Rule(null, "/**", false, List.of());

    private AccessRules() {
    }

    /** The rule that decides this request. */
    public static Rule forRequest(HttpMethod method, String path) {
        Optional<Rule> first = RULES.stream().filter(r -> r.matches(method, path)).findFirst();
        return first.orElse(SIGNED_IN);
    }

    private static Rule open(String pattern) {
        return new Rule(null, pattern, true, List.of());
    }

    private static Rule rule(HttpMethod method, String pattern, Role... roles) {
        return new Rule(method, pattern, false, List.of(roles));
    }
}
