package io.cherrypick.simulator.bluecherry;

import static io.cherrypick.simulator.bluecherry.BlueCherryFixtures.UPC_L;
import static io.cherrypick.simulator.bluecherry.BlueCherryFixtures.UPC_M;
import static io.cherrypick.simulator.bluecherry.BlueCherryFixtures.map;
import static io.cherrypick.simulator.bluecherry.BlueCherryFixtures.pick;
import static io.cherrypick.simulator.bluecherry.BlueCherryFixtures.shipment;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The simulated Blue Cherry keeps at most {@code maxRecords} of each kind of record
 * (cherrypick.simulator.bluecherry.max-records, here 3 through PUT /_control/config), over real HTTP: shipped picks
 * and posted documents go oldest first; an open pick is never dropped and still ships; the newest stay readable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BlueCherryHistoryCapTest {
    @LocalServerPort
    int port;
    BlueCherryHttp http;

    @BeforeEach
    void seed() {
        http = new BlueCherryHttp(port);
        http.control("POST", "/reset");
        http.control("POST", "/styles", List.of(BlueCherryFixtures.teeStyle()));
        http.control("POST", "/inventory", List.of(
                map("upc", UPC_M, "location", "NJ", "qoh", 100), map("upc", UPC_L, "location", "NJ", "qoh", 100)));
    }

    private List<String> picksRead() {
        List<String> numbers = new ArrayList<>();
        http.get("pick?_pgsize=200").json().path("data").path("header").forEach(p -> numbers.add(p.path("pick_num").asText()));
        return numbers;
    }

    @Test
    void shippedPicksAndPostedDocumentsGoOldestFirstAndAnOpenPickStays() {
        assertThat(http.control("PUT", "/config", Map.of("maxRecords", 3)).path("maxRecords").asInt()).isEqualTo(3);
        http.control("POST", "/picks", List.of(pick("100200")));
        for (int i = 1; i <= 6; i++) {
            String pickNum = "10020" + i;
            http.control("POST", "/picks", List.of(pick(pickNum)));
            BlueCherryHttp.Response shipped = http.post("OrderShipment",
                    List.of(shipment(pickNum, "00000020" + i, "Y", Map.of(1, 2, 2, 1))));
            assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        }

        assertThat(picksRead()).as("the open pick and the newest shipped ones").containsExactly("100200", "100205", "100206");
        assertThat(http.controlRaw("GET", "/picks/100201", null).status()).as("the oldest shipped pick is gone")
                .isEqualTo(404);
        JsonNode shipments = http.control("GET", "/shipments");
        assertThat(shipments).hasSize(3);
        assertThat(shipments.get(2).path("pick_num").asText()).as("the newest shipment").isEqualTo("100206");
        assertThat(http.control("GET", "/invoices")).hasSize(3);

        // the pick kept open still ships, and is then the newest
        BlueCherryHttp.Response last = http.post("OrderShipment",
                List.of(shipment("100200", "000000299", "Y", Map.of(1, 2, 2, 1))));
        assertThat(last.status()).as(last.body()).isEqualTo(200);
        assertThat(http.control("GET", "/picks/100200").path("status").asText()).isEqualTo("SHIPPED");
        assertThat(picksRead()).hasSize(3).contains("100200", "100206");
    }

    @Test
    void openPicksAreKeptBeyondTheCap() {
        http.control("PUT", "/config", Map.of("maxRecords", 2));
        List<Map<String, Object>> picks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            picks.add(pick("10030" + i));
        }
        http.control("POST", "/picks", picks);
        assertThat(picksRead()).as("every open pick, cap or not").hasSize(5);
        assertThat(http.control("GET", "/config").path("maxRecords").asInt()).isEqualTo(2);
        assertThat(http.controlRaw("PUT", "/config", Map.of("maxRecords", 0)).status()).isEqualTo(400);
    }
}
