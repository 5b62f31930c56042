package io.cherrypick.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/openapi.yaml is what the code describes: the test fails when a controller, a parameter, a model or a rule of
 * who may call what changes and the file does not. To bring the file up to date, run this test with
 * {@code -Dcherrypick.openapi.write=true} (it writes the file and passes), and review the diff.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OpenApiTest {
    static final Path CHECKED_IN = Path.of("docs/openapi.yaml");

    @LocalServerPort int port;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    private String served() {
        return RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs.yaml").retrieve().body(String.class);
    }

    @Test
    void theCheckedInDescriptionIsWhatTheCodeDescribes() throws Exception {
        String served = served();
        if (Boolean.getBoolean("cherrypick.openapi.write")) {
            Files.writeString(CHECKED_IN, served, StandardCharsets.UTF_8);
        }
        Path fresh = Path.of("target/openapi.yaml");
        Files.writeString(fresh, served, StandardCharsets.UTF_8);
        assertThat(Files.readString(CHECKED_IN, StandardCharsets.UTF_8))
                .as("docs/openapi.yaml differs from what the code describes (now in target/openapi.yaml): review the"
                        + " difference and run this test with -Dcherrypick.openapi.write=true to update the file")
                .isEqualTo(served);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyApiEndpointIsDescribedWithWhoMayCallIt() {
        Map<String, Object> api = new Yaml().load(served());
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) api.get("paths");

        Set<String> handled = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(m -> handled.add(m.name().toLowerCase() + " " + path));
                }
            }
        }
        Set<String> described = new TreeSet<>();
        List<String> withoutRoles = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            described.add(method + " " + path);
            if (!operation.containsKey("x-cherrypick-roles")
                    || !String.valueOf(operation.get("description")).contains("Who may call: ")) {
                withoutRoles.add(method + " " + path);
            }
        }));
        assertThat(described).isEqualTo(handled);
        assertThat(withoutRoles).isEmpty();

        Map<String, Object> replay = paths.get("/api/exceptions/{id}/replay").get("post");
        assertThat((List<String>) replay.get("x-cherrypick-roles")).containsExactly("SUPPORT", "ADMIN");
        assertThat((String) replay.get("description")).contains("Who may call: Signed-in users with role SUPPORT or ADMIN.");
        assertThat((List<String>) paths.get("/api/flows").get("get").get("x-cherrypick-roles")).containsExactly("SIGNED_IN");
        assertThat((List<String>) paths.get("/api/reconciliation/stock/run").get("post").get("x-cherrypick-roles"))
                .containsExactly("FINANCE", "ADMIN");
        assertThat((List<String>) paths.get("/api/mappings/{kind}/{source}").get("put").get("x-cherrypick-roles"))
                .containsExactly("ADMIN");
    }

    @Test
    void swaggerUiServesTheDescription() {
        String page = RestClient.create("http://localhost:" + port).get().uri("/swagger-ui/index.html").retrieve()
                .body(String.class);
        assertThat(page).contains("Swagger UI");
        assertThat(RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs/swagger-config").retrieve()
                .body(String.class)).contains("/v3/api-docs");
    }
}
