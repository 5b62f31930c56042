package io.cherrypick.ops;

import java.util.List;

import java.util.Arrays;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import io.cherrypick.security.AccessRules;
import io.cherrypick.security.Operator;
import io.cherrypick.security.Role;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI description of {@code /api} ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}), checked in as
 * {@code docs/openapi.yaml} (OpenApiTest fails when the two differ). Each operation says who may call it, from the
 * same {@link AccessRules} the sign-in enforces: in its description and as {@code x-cherrypick-roles}.
 */
@Configuration
public class ApiDocs {
    static final String BASIC = "basic";
    static final String SESSION = "session";
    static final String ROLES = "x-cherrypick-roles";

    static {
        // the acting person is not a request parameter: it is resolved from the sign-in or a header (below)
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Operator.class);
    }

    @Bean
    OpenAPI cherrypickApi() {
        return new OpenAPI()
                .info(new Info().title("Cherrypick").version("1").description("""
                        Cherrypick's JSON API for support, customer service, finance and admins: exceptions (list, \
                        replay, resolve, discard), where each order is, stuck orders, flow health, mappings, returns, \
                        stock, reconciliation, alerts and the audit log. With sign-in on (production), scripts send HTTP \
                        Basic credentials with every request; the console signs in on its form and sends the CSRF token \
                        from the XSRF-TOKEN cookie in the X-XSRF-TOKEN header with every change. Each operation names \
                        the roles that may call it."""))
                .servers(List.of(new Server().url("/").description("this Cherrypick")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A user of CHERRYPICK_USERS (scripts)"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("The console's sign-in (changes also need the X-XSRF-TOKEN header)")));
    }

    /** An action recorded with its {@link Operator} names the header that says who acts when sign-in is off. */
    @Bean
    OperationCustomizer cherrypickOperator() {
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == Operator.class)) {
                operation.addParametersItem(new HeaderParameter().name(Operator.HEADER).required(false)
                        .schema(new StringSchema()).description("Who acts, recorded in the audit log: with sign-in off"
                                + " (the demo) the name given here; with sign-in on always the signed-in user's."));
            }
            return operation;
        };
    }

    /** Adds who may call each operation. */
    @Bean
    OpenApiCustomizer cherrypickRoles() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    describe(path, method, operation)));
        };
    }

    /**
     * The rules that name some values of a templated path (e.g. /api/lists/audit of /api/lists/{name}): a list of what
     * they ask, or nothing.
     */
    private static String narrowerRules(String path, HttpMethod method) {
        if (!path.contains("{")) {
            return "";
        }
        org.springframework.web.util.pattern.PathPattern template =
                org.springframework.web.util.pattern.PathPatternParser.defaultInstance.parse(path);
        List<String> narrower = AccessRules.RULES.stream()
                .filter(r -> (r.method() == null || r.method().equals(method)) && !r.pattern().contains("*")
                        && template.matches(org.springframework.http.server.PathContainer.parsePath(r.pattern())))
                .map(r -> r.pattern() + ": " + r.describe()).toList();
        return narrower.isEmpty() ? "" : " Except " + String.join(" ", narrower);
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        AccessRules.Rule rule = AccessRules.forRequest(HttpMethod.valueOf(method.name()), path);
        String who = "Who may call: " + rule.describe() + narrowerRules(path, HttpMethod.valueOf(method.name()));
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? who : description + "\n\n" + who);
        operation.addExtension(ROLES, rule.open() ? List.of() : rule.roles().isEmpty() ? List.of("SIGNED_IN")
                : rule.roles().stream().map(Role::name).toList());
        if (!rule.open()) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(SESSION)));
        }
    }
}
