package io.cherrypick.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import io.cherrypick.peoplevox.CsvTable;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.support.FreePort;
import io.cherrypick.support.Simulators;

/**
 * With the inbound flow on, the setup audit checks the Peoplevox templates it writes (Purchase orders, Purchase order
 * items: the fields routes/mappings/purchase-order.yaml maps) and the report it reads (Goods in summary: the columns the
 * flow reads): a tenant whose Purchase orders template lacks Site, and whose goods-in report names the purchase order
 * column differently, is told both, naming the template, the field and who needs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "cherrypick.flows.inbound.enabled=true", "cherrypick.setup.pacing=never",
        "camel.main.routes-include-pattern=file:routes/peoplevox-webhooks.camel.yaml,file:routes/error-handling.camel.yaml"})
@ActiveProfiles("test")
class InboundSetupAuditTest {
    static final int PORT = FreePort.find();
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    @Autowired PeoplevoxClient peoplevox;

    @Test
    @SuppressWarnings("unchecked")
    void theInboundTemplatesAndTheGoodsInReportAreChecked() {
        Simulators sims = new Simulators(PORT);
        List<String> purchaseOrders = new ArrayList<>(CsvTable.parse(peoplevox.getSaveTemplate("Purchase orders")).headers());
        purchaseOrders.remove("Site");
        RestClient api = RestClient.builder().baseUrl("http://localhost:" + PORT).build();
        api.put().uri("/sim/peoplevox/_control/config").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("templates", Map.of("Purchase orders", purchaseOrders))).retrieve().toBodilessEntity();
        sims.peoplevoxFault(Map.of("operation", "GetReportData", "type", "RENAMED_COLUMN", "rate", 1.0,
                "column", "Purchase order number", "renamedTo", "PO number"));

        Map<String, Object> report = api.post().uri("/api/audit?wait=true").retrieve().body(JSON);

        Map<String, Map<String, Object>> checks = new java.util.LinkedHashMap<>();
        ((List<Map<String, Object>>) report.get("checks")).forEach(c -> checks.put((String) c.get("id"), c));
        Map<String, Object> templates = checks.get("peoplevox.templates");
        assertThat((String) templates.get("reads")).contains("Purchase orders", "Purchase order items");
        assertThat((List<String>) templates.get("examples")).containsExactly(
                "Purchase orders has no field Site (needed by routes/mappings/purchase-order.yaml part header)");
        Map<String, Object> reports = checks.get("peoplevox.reports");
        assertThat((String) reports.get("reads")).contains("Goods in summary");
        assertThat((List<String>) reports.get("examples")).containsExactly("report Goods in summary has no column"
                + " Purchase order number (read by the inbound flow (a delivery's lines, the receipts to Blue Cherry and"
                + " the goods-in poll))");
    }
}
