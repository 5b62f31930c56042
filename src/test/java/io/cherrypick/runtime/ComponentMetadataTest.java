package io.cherrypick.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;
import io.cherrypick.support.BareCamelContext;

/**
 * Cherrypick's components carry Camel's endpoint metadata, generated at build time by camel-package-maven-plugin from
 * their annotations (src/generated): the JSON schema that tools such as Kaoto, Camel JBang and the Camel catalog read to
 * show each option with its description and default, and the configurers Camel sets options with (no reflection).
 */
class ComponentMetadataTest {
    @Test
    void eachComponentDescribesItsOptions() throws Exception {
        assertThat(schema("handoff/handoff.json")).contains("\"scheme\": \"handoff\"").contains("\"batchSize\"")
                .contains("\"deadLetterUri\"").contains("\"idempotent\"").contains("\"linger\"");
        assertThat(schema("peoplevox/peoplevox.json")).contains("\"lookBeforeResend\"").contains("\"template\"")
                .contains("\"maxRows\"");
        assertThat(schema("bluecherry/bluecherry.json")).contains("\"cursor\"").contains("\"keyField\"").contains("\"operation\"");
        assertThat(schema("mapping/mapping.json")).contains("sales-order for routes\\/mappings\\/sales-order.yaml");
    }

    @Test
    void camelSetsTheirOptionsThroughTheGeneratedConfigurers() throws Exception {
        try (CamelContext camel = BareCamelContext.create()) {
            for (String scheme : new String[] {"handoff", "peoplevox", "bluecherry", "mapping"}) {
                assertThat(PluginHelper.getConfigurerResolver(camel).resolvePropertyConfigurer(scheme + "-endpoint", camel))
                        .as("%s endpoint configurer", scheme).isNotNull();
            }
        }
    }

    private static String schema(String path) throws Exception {
        try (InputStream in = ComponentMetadataTest.class.getResourceAsStream("/META-INF/io/cherrypick/" + path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
