package io.cherrypick.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.management.ObjectName;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile ({@code postgres}; here on the test database, with no routes) as documented in the README:
 * it starts with its variables set, has no simulator (/sim/** does not exist), no developer console, JMX on, the API,
 * its description and Swagger UI behind the sign-in, and health details for signed-in users only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cherrypick.peoplevox.base-url=https://wms.invalid",
        "cherrypick.peoplevox.client-id=acme1234",
        "cherrypick.peoplevox.username=api.user",
        "cherrypick.peoplevox.password=pvx-password",
        "cherrypick.bluecherry.base-url=https://apim.invalid/bluecherry",
        "cherrypick.bluecherry.subscription-key=bc-key"})
@ActiveProfiles({"postgres", "test"})
class SecurityProductionProfileTest {
    static final String PASSWORD = "correct horse battery staple";

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        registry.add("cherrypick.security.users", () -> "ada:ADMIN:{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD));
    }

    @LocalServerPort int port;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> get(String path, boolean signedIn, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (signedIn) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("ada:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void noSimulatorNoDeveloperConsoleAndEverythingBehindTheSignIn() throws Exception {
        assertThat(get("/sim/peoplevox/_control/state", false, null).statusCode()).isEqualTo(404);
        assertThat(get("/sim/bluecherry/api/pick", true, null).statusCode()).isEqualTo(404);
        assertThat(get("/sim/channel", true, null).statusCode()).isEqualTo(404);

        assertThat(get("/actuator/camel", true, null).statusCode()).as("Camel's developer console is off").isEqualTo(404);
        assertThat(get("/actuator/camelroutes", true, null).statusCode()).isEqualTo(200);
        assertThat(ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName("org.apache.camel:type=context,*"), null))
                .as("JMX management stays on").isNotEmpty();

        assertThat(get("/api/flows", false, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/flows", true, null).statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs", false, null).statusCode()).isEqualTo(401);
        assertThat(get("/v3/api-docs", true, null).body()).contains("\"/api/exceptions/{id}/replay\"");
        HttpResponse<String> swagger = get("/swagger-ui/index.html", false, "text/html");
        assertThat(swagger.statusCode()).isEqualTo(302);
        assertThat(swagger.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(get("/swagger-ui/index.html", true, "text/html").statusCode()).isEqualTo(200);

        assertThat(get("/actuator/health", false, null).body()).isEqualTo("{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}");
        assertThat(get("/actuator/health", true, null).body()).contains("\"components\"");
    }
}
