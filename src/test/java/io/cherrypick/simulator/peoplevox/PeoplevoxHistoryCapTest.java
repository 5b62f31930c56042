package io.cherrypick.simulator.peoplevox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * The simulated tenant keeps at most {@code maxRecords} of its history (cherrypick.simulator.peoplevox.max-records,
 * here 3 through PUT /_control/config), over real HTTP: the oldest settled orders and despatches go, an order still on
 * its way and the newest despatches stay readable, in the control API and in the Despatch summary report.
 */
class PeoplevoxHistoryCapTest extends PeoplevoxTestSupport {

    @Test
    void theOldestSettledHistoryGoesAndWhatAFlowStillReadsStays() {
        soap.login();
        config(Map.of("maxRecords", 3));
        seedItems("A1");
        seedStock("A1", "PrimarySite", 100);
        createOrder("SO-OPEN", 0, "A1", "1");
        for (int i = 1; i <= 6; i++) {
            createOrder("SO-" + i, 0, "A1", "1");
            advance("SO-" + i, Map.of("to", "Despatched"));
        }

        JsonNode state = controlOk(HttpMethod.GET, "/state", null);
        assertThat(state.get("despatches")).as("despatches kept").hasSize(3);
        assertThat(control(HttpMethod.GET, "/orders/SO-1", null).getStatusCode().value())
                .as("the oldest despatched order is gone").isEqualTo(404);
        assertThat(order("SO-OPEN").get("status").asText()).as("an order on its way is never dropped")
                .isNotEqualTo("Despatched");
        assertThat(order("SO-6").get("status").asText()).isEqualTo("Despatched");
        assertThat(state.get("salesOrders").size()).as("the open order and those of the kept despatches")
                .isLessThanOrEqualTo(4);

        SoapTestClient.Response report = soap.getReportData("Despatch summary", 1, 100,
                "[Despatch date] >= DateTime(2000,01,01,00,00,00)", "[Salesorder number] asc",
                "[Salesorder number],[Despatch number],[Email]");
        assertThat(report.responseId()).as(report.detail()).isZero();
        List<CSVRecord> rows = csv(report.detail());
        assertThat(rows).extracting(r -> r.get("Salesorder number")).containsExactly("SO-4", "SO-5", "SO-6");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("Email")).as("the order of a kept despatch")
                .isEqualTo("jane@example.com"));

        // the order kept open still goes through to the end, and is then the newest despatch
        advance("SO-OPEN", Map.of("to", "Despatched"));
        assertThat(order("SO-OPEN").get("status").asText()).isEqualTo("Despatched");
        assertThat(csv(soap.getReportData("Despatch summary", 1, 100, "[Despatch date] >= DateTime(2000,01,01,00,00,00)",
                "[Salesorder number] asc", "[Salesorder number]").detail()))
                .extracting(r -> r.get("Salesorder number")).containsExactly("SO-5", "SO-6", "SO-OPEN");
    }

    @Test
    void theCapIsInTheConfigurationAndMustBePositive() {
        assertThat(controlOk(HttpMethod.GET, "/config", null).get("maxRecords").asInt()).isEqualTo(100_000);
        assertThat(control(HttpMethod.PUT, "/config", Map.of("maxRecords", 0)).getStatusCode().value()).isEqualTo(400);
    }
}
