package io.cherrypick.simulator.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cherrypick.simulator.SimulatorHttpTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The sales-channel receiver over real HTTP (the shared test context sets a channel token). */
@SimulatorHttpTest
class ChannelSimulatorTest {

    private static final String BEARER = "Bearer " + SimulatorHttpTest.CHANNEL_TOKEN;

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    ChannelSimulator channel;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void reset() throws Exception {
        assertThat(post("/sim/channel/_control/reset", "", null).statusCode()).isEqualTo(200);
    }

    @Test
    void keepsTheLatestLevelPerSkuAndSite() throws Exception {
        HttpResponse<String> first = pushLevels("""
                {"updates":[
                  {"sku":"012345678905","site":"PrimarySite","available":7,"observedAt":"2026-11-26T10:00:00Z"},
                  {"sku":"012345678905","site":"LondonSite","available":3,"observedAt":"2026-11-26T10:00:00Z"},
                  {"sku":"036000291452","site":"PrimarySite","available":0,"observedAt":"2026-11-26T10:00:00Z"}]}
                """);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(read(first)).isEqualTo(json.readTree("{\"accepted\":3,\"stale\":0}"));

        HttpResponse<String> second = pushLevels("""
                {"updates":[
                  {"sku":"012345678905","site":"PrimarySite","available":5,"observedAt":"2026-11-26T10:05:00Z"},
                  {"sku":"012345678905","site":"LondonSite","available":9,"observedAt":"2026-11-26T09:59:00Z"}]}
                """);
        assertThat(read(second)).isEqualTo(json.readTree("{\"accepted\":1,\"stale\":1}"));

        JsonNode state = getJson("/sim/channel/_control/state");
        assertThat(state.get("calls").asLong()).isEqualTo(2);
        assertThat(state.get("updates").asLong()).isEqualTo(5);
        assertThat(state.get("levels")).hasSize(3);
        JsonNode primary = state.get("levels").get(1);   // sorted by sku, then site
        assertThat(primary.get("sku").asText()).isEqualTo("012345678905");
        assertThat(primary.get("site").asText()).isEqualTo("PrimarySite");
        assertThat(primary.get("available").asInt()).isEqualTo(5);
        assertThat(primary.get("observedAt").asText()).isEqualTo("2026-11-26T10:05:00Z");
        JsonNode london = state.get("levels").get(0);
        assertThat(london.get("available").asInt()).as("the stale update did not overwrite").isEqualTo(3);

        JsonNode history = getJson("/sim/channel/_control/updates");
        assertThat(history).hasSize(5);
        assertThat(history.get(4).get("stale").asBoolean()).isTrue();
        assertThat(history.get(4).get("available").asInt()).isEqualTo(9);
        assertThat(channel.level("012345678905", "LondonSite").orElseThrow().available()).isEqualTo(3);
    }

    @Test
    void logsCallsWithReceiveTimesForLatency() throws Exception {
        Instant before = Instant.now();
        pushLevels("{\"updates\":[{\"sku\":\"A1\",\"site\":\"PrimarySite\",\"available\":1,\"observedAt\":\"2026-11-26T10:00:00Z\"}]}");
        pushLevels("{\"updates\":[{\"sku\":\"A2\",\"site\":\"PrimarySite\",\"available\":2,\"observedAt\":\"2026-11-26T10:00:00Z\"},"
                + "{\"sku\":\"A3\",\"site\":\"PrimarySite\",\"available\":3,\"observedAt\":\"2026-11-26T10:00:00Z\"}]}");
        JsonNode calls = getJson("/sim/channel/_control/calls");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).get("call").asLong()).isEqualTo(1);
        assertThat(calls.get(1).get("updates").asInt()).isEqualTo(2);
        assertThat(calls.get(1).get("status").asInt()).isEqualTo(200);
        Instant received = Instant.parse(calls.get(1).get("receivedAt").asText());
        assertThat(received).isBetween(before, Instant.now());
        JsonNode level = getJson("/sim/channel/_control/state").get("levels").get(0);
        assertThat(Instant.parse(level.get("receivedAt").asText())).isBetween(before, Instant.now());
    }

    @Test
    void refusesCallsWithoutTheBearerToken() throws Exception {
        String body = "{\"updates\":[{\"sku\":\"A1\",\"site\":\"PrimarySite\",\"available\":1,\"observedAt\":\"2026-11-26T10:00:00Z\"}]}";
        assertThat(post("/sim/channel/stock-levels", body, null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = post("/sim/channel/stock-levels", body, "Bearer nope");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(getJson("/sim/channel/_control/state").get("levels")).isEmpty();
        JsonNode calls = getJson("/sim/channel/_control/calls");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).get("status").asInt()).isEqualTo(401);
        assertThat(pushLevels(body).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesInvalidUpdatesNamingTheRecordAndField() throws Exception {
        HttpResponse<String> missing = pushLevels("""
                {"updates":[{"sku":"A1","site":"PrimarySite","available":1,"observedAt":"2026-11-26T10:00:00Z"},
                            {"sku":"A2","site":"PrimarySite","available":1}]}
                """);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(read(missing).get("error").asText()).isEqualTo("updates[1].observedAt is missing (sku A2)");
        assertThat(getJson("/sim/channel/_control/state").get("levels")).as("nothing applied").isEmpty();

        HttpResponse<String> badTime = pushLevels("{\"updates\":[{\"sku\":\"A1\",\"site\":\"S\",\"available\":1,\"observedAt\":\"yesterday\"}]}");
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(read(badTime).get("error").asText()).startsWith("unreadable body");
        assertThat(getJson("/sim/channel/_control/calls").findValuesAsText("status")).containsExactly("400", "400");
    }

    @Test
    void injectedServerErrorsHitTheNextCountCalls() throws Exception {
        JsonNode fault = read(post("/sim/channel/_control/faults", "{\"operation\":\"stock-levels\",\"type\":\"HTTP_5XX\",\"count\":2,\"status\":503}", null));
        assertThat(fault.get("type").asText()).isEqualTo("HTTP_5XX");
        assertThat(fault.get("remaining").asInt()).isEqualTo(2);
        String body = "{\"updates\":[{\"sku\":\"A1\",\"site\":\"PrimarySite\",\"available\":4,\"observedAt\":\"2026-11-26T10:00:00Z\"}]}";
        assertThat(pushLevels(body).statusCode()).isEqualTo(503);
        assertThat(getJson("/sim/channel/_control/faults").get(0).get("remaining").asInt()).isEqualTo(1);
        assertThat(pushLevels(body).statusCode()).isEqualTo(503);
        assertThat(getJson("/sim/channel/_control/faults")).isEmpty();
        assertThat(pushLevels(body).statusCode()).isEqualTo(200);
        JsonNode state = getJson("/sim/channel/_control/state");
        assertThat(state.get("calls").asLong()).isEqualTo(3);
        assertThat(state.get("updates").asLong()).as("refused calls apply nothing").isEqualTo(1);
        assertThat(getJson("/sim/channel/_control/calls").get(0).get("fault").asText()).isEqualTo("HTTP_5XX");
    }

    @Test
    void rateLimitAnswers429WithRetryAfter() throws Exception {
        post("/sim/channel/_control/faults", "{\"type\":\"RATE_LIMIT\",\"rate\":1.0,\"delayMs\":2000}", null);
        HttpResponse<String> limited = pushLevels("{\"updates\":[]}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("2");
        assertThat(pushLevels("{\"updates\":[]}").statusCode()).as("a rate of 1.0 hits every call").isEqualTo(429);

        assertThat(delete("/sim/channel/_control/faults").statusCode()).isEqualTo(200);
        assertThat(pushLevels("{\"updates\":[]}").statusCode()).isEqualTo(200);
    }

    @Test
    void latencyDelaysThenAnswersNormally() throws Exception {
        post("/sim/channel/_control/faults", "{\"type\":\"LATENCY\",\"count\":1,\"delayMs\":400}", null);
        long start = System.nanoTime();
        HttpResponse<String> slow = pushLevels("{\"updates\":[{\"sku\":\"A1\",\"site\":\"S\",\"available\":1,\"observedAt\":\"2026-11-26T10:00:00Z\"}]}");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(getJson("/sim/channel/_control/calls").get(0).get("fault").asText()).isEqualTo("LATENCY");
    }

    @Test
    void timeoutHoldsTheCallPastTheClientsPatienceThenStillApplies() throws Exception {
        post("/sim/channel/_control/faults", "{\"type\":\"TIMEOUT\",\"count\":1,\"delayMs\":1500}", null);
        HttpRequest impatient = HttpRequest.newBuilder(uri("/sim/channel/stock-levels"))
                .timeout(Duration.ofMillis(300))
                .header("Content-Type", "application/json").header("Authorization", BEARER)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"updates\":[{\"sku\":\"T1\",\"site\":\"S\",\"available\":6,\"observedAt\":\"2026-11-26T10:00:00Z\"}]}"))
                .build();
        assertThatThrownBy(() -> client.send(impatient, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> channel.level("T1", "S").isPresent());
        assertThat(channel.level("T1", "S").orElseThrow().available()).isEqualTo(6);
    }

    @Test
    void faultsTheChannelCannotShowAreRefused() throws Exception {
        HttpResponse<String> soap = post("/sim/channel/_control/faults", "{\"type\":\"SOAP_FAULT\",\"count\":1}", null);
        assertThat(soap.statusCode()).isEqualTo(400);
        assertThat(read(soap).get("error").asText()).contains("SOAP_FAULT").contains("not supported");
        HttpResponse<String> both = post("/sim/channel/_control/faults", "{\"type\":\"LATENCY\",\"count\":1,\"rate\":0.5}", null);
        assertThat(read(both).get("error").asText()).isEqualTo("fault needs exactly one of count and rate");
        HttpResponse<String> operation = post("/sim/channel/_control/faults", "{\"operation\":\"SaveData\",\"type\":\"LATENCY\",\"count\":1}", null);
        assertThat(read(operation).get("error").asText()).contains("SaveData");
        assertThat(getJson("/sim/channel/_control/faults")).isEmpty();
    }

    @Test
    void resetForgetsEverything() throws Exception {
        pushLevels("{\"updates\":[{\"sku\":\"A1\",\"site\":\"S\",\"available\":1,\"observedAt\":\"2026-11-26T10:00:00Z\"}]}");
        post("/sim/channel/_control/faults", "{\"type\":\"LATENCY\",\"count\":5,\"delayMs\":1}", null);
        post("/sim/channel/_control/reset", "", null);
        JsonNode state = getJson("/sim/channel/_control/state");
        assertThat(state.get("levels")).isEmpty();
        assertThat(state.get("calls").asLong()).isZero();
        assertThat(getJson("/sim/channel/_control/faults")).isEmpty();
        assertThat(getJson("/sim/channel/_control/updates")).isEmpty();
    }

    @Test
    void pageShowsTheLevelsAsAnHtmlTable() throws Exception {
        pushLevels("{\"updates\":[{\"sku\":\"<b>X</b>\",\"site\":\"PrimarySite\",\"available\":12,\"observedAt\":\"2026-11-26T10:00:00Z\"}]}");
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/sim/channel")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<table>").contains("<td>&lt;b&gt;X&lt;/b&gt;</td><td>PrimarySite</td><td>12</td>")
                .contains("1 calls, 1 updates");
    }

    private HttpResponse<String> pushLevels(String body) throws IOException, InterruptedException {
        return post("/sim/channel/stock-levels", body, BEARER);
    }

    private HttpResponse<String> post(String path, String body, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode read(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
