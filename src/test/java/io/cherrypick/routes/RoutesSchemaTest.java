package io.cherrypick.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Every route file in routes/ validates against the Camel YAML DSL JSON schema that ships in camel-yaml-dsl
 * (schema/camelYamlDsl.json): what tools like Kaoto and Camel JBang check, so an edit that Camel would only reject at
 * start (or read differently) fails here, naming the file and the place.
 */
class RoutesSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRouteFileValidatesAgainstTheCamelYamlDslSchema() throws Exception {
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/camelYamlDsl.json")) {
            assertThat(in).as("camel-yaml-dsl's schema on the class path").isNotNull();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        List<Path> files;
        try (Stream<Path> paths = Files.walk(Path.of("routes"))) {
            files = paths.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList();
        }
        assertThat(files).as("route files").isNotEmpty();
        for (Path file : files) {
            Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            JsonNode routes = JSON.valueToTree(yaml);
            Set<ValidationMessage> problems = schema.validate(routes);
            assertThat(problems).as("%s against the Camel YAML DSL schema", file).isEmpty();
        }
    }
}
