package io.cherrypick.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import io.cherrypick.simulator.scenario.BadOrderReason;
import io.cherrypick.simulator.scenario.GeneratedPick;
import io.cherrypick.simulator.scenario.ScenarioGenerator;
import io.cherrypick.support.FreePort;

/**
 * The embedded demo as it runs (every flow's routes, the demo scenario's catalogue and pick tickets, a share of them
 * deliberately bad), audited through {@code POST /api/audit}: its faults show as failed checks, the unmapped location
 * MIA under the mappings and each unknown SKU under the catalogue, each pick named.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "camel.main.routes-include-pattern=file:routes/*.camel.yaml",
        "cherrypick.flows.sales-order.enabled=true", "cherrypick.flows.item.enabled=true",
        "cherrypick.simulator.scenario.enabled=true", "cherrypick.simulator.scenario.auto-start=false",
        "cherrypick.setup.examples=100", "cherrypick.setup.pacing=never"})
@ActiveProfiles("test")
@DirtiesContext
class DemoFaultsSetupAuditTest {
    static final int PORT = FreePort.find();
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    @Autowired ScenarioGenerator scenario;

    @Test
    @SuppressWarnings("unchecked")
    void theDemosDeliberateFaultsAreFailedChecks() {
        scenario.createCatalogue();
        List<GeneratedPick> picks = scenario.createOrders(24, 0.5);
        List<String> unknownSku = numbers(picks, BadOrderReason.UNKNOWN_SKU);
        List<String> atMiami = numbers(picks, BadOrderReason.UNMAPPED_LOCATION);
        assertThat(unknownSku).isNotEmpty();
        assertThat(atMiami).isNotEmpty();

        Map<String, Object> report = RestClient.create("http://localhost:" + PORT).post().uri("/api/audit?wait=true")
                .retrieve().body(JSON);
        assertThat(report).containsEntry("status", "DONE").containsEntry("verdict", "FAIL");
        Map<String, Map<String, Object>> checks = ((List<Map<String, Object>>) report.get("checks")).stream()
                .collect(Collectors.toMap(c -> (String) c.get("id"), c -> c));

        Map<String, Object> locations = checks.get("mappings.locations");
        assertThat(locations).containsEntry("verdict", "FAIL").containsEntry("found", 1);
        assertThat((List<String>) locations.get("examples")).singleElement().asString()
                .startsWith("location MIA (on " + (atMiami.size() == 1 ? "pick " : atMiami.size() + " open picks"))
                .endsWith("has no Peoplevox site");

        Map<String, Object> stock = checks.get("stock.variance");
        assertThat(stock).as("the demo's Blue Cherry has been given no stock yet").containsEntry("verdict", "WARN");
        assertThat((List<String>) stock.get("examples")).first().asString().contains("listed no stock at all");

        Map<String, Object> unknown = checks.get("catalogue.unknown-on-open-picks");
        assertThat(unknown).containsEntry("verdict", "FAIL").containsEntry("found", unknownSku.size());
        List<String> examples = (List<String>) unknown.get("examples");
        for (String pick : unknownSku) {
            assertThat(examples).anyMatch(e -> e.startsWith("Pick " + pick + " line ")
                    && e.endsWith("is in neither Blue Cherry's styles nor Peoplevox"));
        }
    }

    private static List<String> numbers(List<GeneratedPick> picks, BadOrderReason reason) {
        return picks.stream().filter(p -> p.badReason() == reason).map(GeneratedPick::pickNum).toList();
    }
}
