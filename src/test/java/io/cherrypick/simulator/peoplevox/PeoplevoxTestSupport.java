package io.cherrypick.simulator.peoplevox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Shared set-up: the whole application on a random port, simulator reset before each test, helpers. These tests run the
 * simulator with auto-allocation on (its default is off), so allocation on import is covered too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cherrypick.simulator.peoplevox.auto-allocate=true")
@ActiveProfiles("test")
abstract class PeoplevoxTestSupport {
    static final String CONTROL = "/sim/peoplevox/_control";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    PeoplevoxTestReceiver receiver;

    SoapTestClient soap;

    @BeforeEach
    void resetSimulator() {
        ResponseEntity<String> reset = rest.postForEntity(CONTROL + "/reset", null, String.class);
        assertThat(reset.getStatusCode().value()).isEqualTo(200);
        receiver.clear();
        soap = new SoapTestClient(port, "cherrypick-demo");
    }

    // ---- control API helpers -----------------------------------------------------------------------------

    ResponseEntity<JsonNode> control(HttpMethod method, String path, Object body) {
        return rest.exchange(CONTROL + path, method, body == null ? null : new HttpEntity<>(body), JsonNode.class);
    }

    JsonNode controlOk(HttpMethod method, String path, Object body) {
        ResponseEntity<JsonNode> response = control(method, path, body);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        return response.getBody();
    }

    void seedItems(String... itemCodes) {
        List<Map<String, Object>> items = java.util.Arrays.stream(itemCodes)
                .map(code -> Map.<String, Object>of("ItemCode", code, "Name", "Item " + code, "Barcode", "BC-" + code))
                .toList();
        controlOk(HttpMethod.POST, "/seed", Map.of("items", items));
    }

    void seedStock(String itemCode, String site, int onHand) {
        controlOk(HttpMethod.POST, "/seed", Map.of("stock", List.of(Map.of("itemCode", itemCode, "site", site,
                "onHand", onHand))));
    }

    JsonNode order(String number) {
        return controlOk(HttpMethod.GET, "/orders/" + number, null);
    }

    JsonNode advance(String number, Map<String, Object> body) {
        return controlOk(HttpMethod.POST, "/orders/" + number + "/advance", body);
    }

    void config(Map<String, Object> change) {
        controlOk(HttpMethod.PUT, "/config", change);
    }

    /** Creates an order with lines through SaveData (Action given) and asserts it worked. */
    void createOrder(String number, int action, String... itemAndQuantity) {
        SoapTestClient.Response header = soap.saveData("Sales orders",
                "SalesOrderNumber,Customer,Email,Site\n" + number + ",Jane Doe,jane@example.com,PrimarySite\n", action);
        assertThat(header.responseId()).as(header.detail()).isZero();
        StringBuilder lines = new StringBuilder("SalesOrderNumber,ItemCode,QuantityOrdered,Line\n");
        for (int i = 0; i < itemAndQuantity.length; i += 2) {
            lines.append(number).append(',').append(itemAndQuantity[i]).append(',').append(itemAndQuantity[i + 1])
                    .append(',').append(i / 2 + 1).append('\n');
        }
        SoapTestClient.Response saved = soap.saveData("Sales order items", lines.toString(), action);
        assertThat(saved.responseId()).as(saved.detail()).isZero();
    }

    static List<CSVRecord> csv(String detail) {
        try (CSVParser parser = CSVParser.parse(new StringReader(detail),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> csvHeader(String detail) {
        return List.of(detail.substring(0, detail.indexOf('\n')).split(","));
    }
}
