package io.cherrypick.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import io.cherrypick.bluecherry.BlueCherryClient;
import io.cherrypick.mapping.Mappings;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.store.ValueMappingStore;
import io.cherrypick.support.EditedRoutes;

/**
 * The setup audit over real HTTP against the built-in simulators, seeded with one deliberate mismatch of every kind it
 * looks for ({@link SetupWorld}): it finds each one, names it, and reports nothing else; its run is stored (H2 and
 * PostgreSQL subclasses) and served as JSON and HTML. The runtime serves only its webhook (the audit tries it); a mapping
 * file of an edited copy of routes/ reads a report column Peoplevox lacks. Each subclass gives its own port
 * ({@code server.port}: the simulators are served there).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "cherrypick.flows.sales-order.enabled=true", "cherrypick.flows.sales-order-change.enabled=true",
        "cherrypick.flows.despatch.enabled=true", "cherrypick.flows.returns.enabled=true",
        "cherrypick.flows.item.enabled=true", "cherrypick.flows.stock.enabled=true", "cherrypick.setup.pacing=never"})
@ActiveProfiles("test")
abstract class AbstractSetupAuditTest {
    static final Path ROUTES = EditedRoutes.copyWith(Map.of("mappings/return-summary.yaml", EditedRoutes.replace(
            "      RmaNumber: \"[RMA number]\"\n", "      RmaNumber: \"[RMA number]\"\n      ReturnChannel: \"[Return channel]\"\n")));
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("cherrypick.routes-dir", ROUTES::toString);
        // the webhook (the connectivity check tries it) and the dead-letter route it names; no flow
        registry.add("camel.main.routes-include-pattern", () -> "file:" + ROUTES + "/peoplevox-webhooks.camel.yaml,file:"
                + ROUTES + "/error-handling.camel.yaml");
    }

    @Autowired PeoplevoxClient peoplevox;
    @Autowired BlueCherryClient blueCherry;
    @Autowired Mappings mappings;
    @Autowired ValueMappingStore values;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuditRuns runs;
    @Value("${server.port}") int port;
    SetupWorld world;
    RestClient api;

    @BeforeEach
    void seed() {
        jdbc.update("delete from setup_audit_run");
        values.put("return-reason", "Too small", "TS");
        world = new SetupWorld(port, peoplevox, blueCherry, mappings);
        world.seedMismatches();
        api = RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void findsEveryDeliberateMismatchAndNothingElse() throws java.io.IOException {
        ResponseEntity<Map<String, Object>> answer = api.post().uri("/api/audit?wait=true").header("X-Cherrypick-User",
                "ian.integrator").retrieve().toEntity(JSON);
        Map<String, Object> report = answer.getBody();
        assertThat(report).containsEntry("status", "DONE").containsEntry("verdict", "FAIL");
        List<Map<String, Object>> checks = (List<Map<String, Object>>) report.get("checks");
        Map<String, Integer> found = checks.stream().filter(c -> !"PASS".equals(c.get("verdict")))
                .collect(Collectors.toMap(c -> (String) c.get("id"), c -> (Integer) c.get("found"), (a, b) -> a,
                        LinkedHashMap::new));
        Map<String, Integer> expected = new LinkedHashMap<>(SetupWorld.EXPECTED);
        expected.putAll(testConfiguration());
        assertThat(found).as("every check that did not pass, with its findings:\n%s", describe(checks))
                .isEqualTo(expected);

        Map<String, String> examples = checks.stream().collect(Collectors.toMap(c -> (String) c.get("id"),
                c -> String.join(" | ", (List<String>) c.get("examples"))));
        assertThat(examples.get("peoplevox.templates")).contains("Sales orders has no field Attribute2",
                "routes/mappings/sales-order.yaml part header");
        assertThat(examples.get("peoplevox.reports")).contains("report Return summary has no column Return channel");
        assertThat(checks.stream().filter(c -> "peoplevox.reports".equals(c.get("id"))).map(c -> (String) c.get("reads")))
                .singleElement().asString().contains("despatch confirmations: no package detail (no column Package"
                        + " tracking number): one carton per despatch");
        assertThat(examples.get("catalogue.missing-in-peoplevox")).contains("size L (ItemCode " + SetupWorld.C + ")");
        assertThat(examples.get("catalogue.unknown-to-bluecherry")).contains("Peoplevox item HAND1");
        assertThat(examples.get("catalogue.duplicate-barcodes")).contains("Barcode " + SetupWorld.E, "size S", "size M");
        assertThat(examples.get("catalogue.invalid-skus")).contains(SetupWorld.D, "wrong check digit");
        assertThat(examples.get("catalogue.invalid-peoplevox-barcodes")).contains("Peoplevox item HAND1",
                SetupWorld.HAND_MADE_BARCODE, "wrong check digit");
        assertThat(examples.get("catalogue.attribute-differences")).contains("Description", "Edited by hand in Peoplevox");
        assertThat(examples.get("catalogue.unknown-on-open-picks")).contains("Pick 910007 line 1", SetupWorld.UNKNOWN);
        assertThat(examples.get("mappings.locations")).contains("location MIA", "purchase order PO-77");
        assertThat(examples.get("mappings.shippers")).contains("shipper ZZX");
        assertThat(examples.get("mappings.carriers")).contains("service type UPS Next Day");
        assertThat(examples.get("mappings.returns")).contains("return condition Mouldy", "return reason Wrong colour");
        assertThat(examples.get("orders.not-in-peoplevox")).contains("Pick 910002", "not pulled");
        assertThat(examples.get("orders.unknown-to-bluecherry")).contains("Peoplevox order X9");
        assertThat(examples.get("orders.cancelled-in-one")).contains("Pick 910003 is cancelled in Blue Cherry");
        assertThat(examples.get("orders.despatched-not-confirmed")).contains("Order 910004 is despatched in Peoplevox");
        assertThat(examples.get("stock.variance")).contains(SetupWorld.A + " at PrimarySite (NJ)", "variance +3");

        Map<String, Object> stock = (Map<String, Object>) report.get("stock");
        assertThat(stock).containsEntry("withVariance", 1).containsEntry("units", 3);
        assertThat(((Number) report.get("peoplevoxCalls")).intValue()).isPositive();
        assertThat(((Number) report.get("blueCherryCalls")).intValue()).isPositive();

        String id = (String) report.get("id");
        assertThat(api.get().uri("/api/audit/runs/" + id).retrieve().body(JSON)).containsEntry("status", "DONE");
        String html = api.get().uri("/api/audit/runs/" + id + "/report").retrieve().body(String.class);
        // for a person to look at (docs/setup-audit.md's sample report is this world's)
        java.nio.file.Files.writeString(Path.of("target", getClass().getSimpleName() + "-report.html"), html);
        java.nio.file.Files.writeString(Path.of("target", getClass().getSimpleName() + "-report.txt"),
                TextReport.render(runs.find(id).orElseThrow()));
        assertThat(html).contains("<svg", "Peoplevox has more", "Sales orders has no field Attribute2")
                .doesNotContain("<script", "src=", "<link");
        assertThat(jdbc.queryForObject("select actor from audit_log where action = 'SETUP_AUDIT' and target_id = ?",
                String.class, id)).isEqualTo("ian.integrator");
    }

    /** What the test environment itself warns of ({@link SetupWorld#TEST_CONFIGURATION}). */
    Map<String, Integer> testConfiguration() {
        return SetupWorld.TEST_CONFIGURATION;
    }

    @SuppressWarnings("unchecked")
    private static String describe(List<Map<String, Object>> checks) {
        return checks.stream().map(c -> c.get("verdict") + " " + c.get("id") + " " + c.get("found") + ": "
                + c.get("examples")).collect(Collectors.joining("\n"));
    }
}
