package io.cherrypick.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.cherrypick.simulator.SimulatorHttpTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /sim/scenario/_control} over real HTTP, with the fake control implementations behind the scenario. */
@SimulatorHttpTest
class ScenarioControlApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    FakeBlueCherryControl blueCherry;
    @Autowired
    FakePeoplevoxControl peoplevox;
    @Autowired
    ScenarioGenerator scenario;

    @BeforeEach
    void reset() {
        blueCherry.reset();
        peoplevox.reset();
    }

    @AfterEach
    void stopTicking() {
        http.postForEntity("/sim/scenario/_control/stop", null, JsonNode.class);
    }

    @Test
    void catalogueCallCreatesTheCatalogueAndReturnsCounts() {
        ResponseEntity<JsonNode> response = http.postForEntity("/sim/scenario/_control/catalogue", null, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = response.getBody();
        assertThat(body.get("styles").asInt()).isEqualTo(40);
        assertThat(body.get("skus").asInt()).isEqualTo(scenario.catalogue().skus().size());
        assertThat(body.get("locations").get(0).asText()).isEqualTo("MIA");
        assertThat(body.get("peoplevoxItems").asInt()).isEqualTo(scenario.catalogue().skus().size());
        assertThat(body.get("peoplevoxStockRows").asInt()).isEqualTo(2 * scenario.catalogue().skus().size());
        assertThat(blueCherry.styleCalls()).hasSize(1);
        assertThat(peoplevox.seeds()).hasSize(1);
    }

    @Test
    void ordersCallCreatesPicksAndSaysWhichAreBadAndWhy() {
        ResponseEntity<JsonNode> response = http.postForEntity("/sim/scenario/_control/orders?count=10&badShare=0.2", null, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = response.getBody();
        assertThat(body.get("created").asInt()).isEqualTo(10);
        assertThat(body.get("picks")).hasSize(10);
        List<String> reasons = new ArrayList<>();
        for (JsonNode pick : body.get("picks")) {
            assertThat(pick.get("pickNum").asText()).matches("\\d{6}");
            assertThat(pick.get("lines").asInt()).isBetween(1, 5);
            if (!pick.get("badReason").isNull()) {
                reasons.add(pick.get("badReason").asText());
                assertThat(pick.get("badDetail").asText()).isNotBlank();
            }
        }
        // the generator carries fractions between calls, so a single call may have one more or fewer
        assertThat(body.get("bad").asInt()).isEqualTo(reasons.size()).isBetween(1, 3);
        assertThat(reasons).isSubsetOf("UNKNOWN_SKU", "UNMAPPED_LOCATION");
        assertThat(blueCherry.picks()).extracting(GeneratedPick::pickNum)
                .containsExactlyElementsOf(body.get("picks").findValuesAsText("pickNum"));
    }

    @Test
    void invalidOrderRequestsAreRefused() {
        ResponseEntity<JsonNode> noCount = http.postForEntity("/sim/scenario/_control/orders?count=0", null, JsonNode.class);
        assertThat(noCount.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noCount.getBody().get("error").asText()).contains("count must be between 1 and 1000");
        ResponseEntity<JsonNode> badShare = http.postForEntity("/sim/scenario/_control/orders?count=2&badShare=3", null, JsonNode.class);
        assertThat(badShare.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badShare.getBody().get("error").asText()).contains("badShare");
        assertThat(blueCherry.picks()).isEmpty();
    }

    @Test
    void aFailingSimulatorAnswersBadGatewayWithTheReason() {
        blueCherry.failNext(1);
        ResponseEntity<JsonNode> response = http.postForEntity("/sim/scenario/_control/catalogue", null, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(response.getBody().get("error").asText()).contains("/sim/bluecherry/_control/locations answered 503");
    }

    @Test
    void startTicksUntilStopAndStateReportsIt() {
        JsonNode started = http.postForEntity("/sim/scenario/_control/start", null, JsonNode.class).getBody();
        assertThat(started.get("running").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(15)).until(() -> blueCherry.picks().size() >= 6);

        JsonNode stopped = http.postForEntity("/sim/scenario/_control/stop", null, JsonNode.class).getBody();
        assertThat(stopped.get("running").asBoolean()).isFalse();
        JsonNode state = http.getForObject("/sim/scenario/_control/state", JsonNode.class);
        assertThat(state.get("running").asBoolean()).isFalse();
        assertThat(state.get("picksCreated").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(state.get("orderTicks").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(state.get("lastOrderTick").asText()).startsWith("scenario: 3 picks released in Blue Cherry");
        assertThat(state.get("seed").asLong()).isEqualTo(20261126L);
    }
}
