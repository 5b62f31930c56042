package io.cherrypick.simulator.bluecherry;

import static io.cherrypick.simulator.bluecherry.BlueCherryFixtures.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BlueCherryFaultInjectionTest {
    @LocalServerPort
    int port;
    BlueCherryHttp http;

    @BeforeEach
    void reset() {
        http = new BlueCherryHttp(port);
        http.control("POST", "/reset");
    }

    private JsonNode arm(Object... fields) {
        return http.control("POST", "/faults", map(fields));
    }

    @Test
    void rateLimitAnswers429WithRetryAfterThenRecovers() {
        JsonNode fault = arm("operation", "pick", "type", "RATE_LIMIT", "count", 1);
        assertThat(fault.path("type").asText()).isEqualTo("RATE_LIMIT");
        assertThat(fault.path("count").asInt()).isEqualTo(1);
        assertThat(fault.path("remaining").asInt()).isEqualTo(1);

        BlueCherryHttp.Response limited = http.get("pick");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        assertThat(limited.body()).isEqualTo("{\"statusCode\":429,\"message\":\"Rate limit is exceeded. Try again in 1 seconds.\"}");
        assertThat(http.get("pick").status()).isEqualTo(200);
        assertThat(http.control("GET", "/calls?path=pick").get(0).path("fault").asText()).isEqualTo("RATE_LIMIT");
    }

    @Test
    void http5xxUsesTheGivenStatus() {
        arm("operation", "style", "type", "HTTP_5XX", "count", 2);
        BlueCherryHttp.Response first = http.get("style");
        assertThat(first.status()).isEqualTo(500);
        assertThat(first.json().path("message").asText()).isEqualTo("An error has occurred.");
        JsonNode listed = http.control("GET", "/faults").get(0);
        assertThat(listed.path("count").asInt()).isEqualTo(2);
        assertThat(listed.path("remaining").asInt()).isEqualTo(1);
        assertThat(http.get("style").status()).isEqualTo(500);
        assertThat(http.control("GET", "/faults")).isEmpty();
        assertThat(http.get("style").status()).isEqualTo(200);

        arm("operation", "style", "type", "HTTP_5XX", "status", 503);
        BlueCherryHttp.Response unavailable = http.get("style");
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.json().path("statusCode").asInt()).isEqualTo(503);
    }

    @Test
    void htmlFaultAnswersAnAzureErrorPageWith200() {
        arm("operation", "Location", "type", "HTML");
        BlueCherryHttp.Response r = http.get("location");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.body()).contains("<html").contains("Application Error");
    }

    @Test
    void malformedFaultAnswersTruncatedJson() {
        arm("operation", "Shipper", "type", "MALFORMED");
        BlueCherryHttp.Response r = http.get("Shipper");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).startsWith("{\"version\":\"sim-1.0\"");
        assertThatThrownBy(r::json).isInstanceOf(AssertionError.class);
    }

    @Test
    void malformedFaultOnAPostDoesNotApplyIt() {
        http.control("POST", "/styles", List.of(BlueCherryFixtures.teeStyle()));
        http.control("POST", "/picks", List.of(BlueCherryFixtures.pick("100245")));
        arm("operation", "OrderShipment", "type", "MALFORMED");
        BlueCherryHttp.Response r = http.post("OrderShipment",
                List.of(BlueCherryFixtures.shipment("100245", "000000101", "N", Map.of(1, 2))));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"pkey\":");
        assertThat(http.control("GET", "/shipments")).isEmpty();
    }

    @Test
    void timeoutHoldsTheRequestLongerThanTheClientWaitsThenAnswers() {
        arm("operation", "pick", "type", "TIMEOUT", "delayMs", 1500);
        assertThatThrownBy(() -> http.get("pick", Duration.ofMillis(300)))
                .hasCauseInstanceOf(HttpTimeoutException.class);
        // The simulator still answers once the hold is over, and logs the call.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode calls = http.control("GET", "/calls?path=pick");
            assertThat(calls).hasSize(1);
            assertThat(calls.get(0).path("fault").asText()).isEqualTo("TIMEOUT");
            assertThat(calls.get(0).path("status").asInt()).isEqualTo(200);
        });
    }

    @Test
    void latencyDelaysThenAnswersNormally() {
        arm("operation", "*", "type", "LATENCY", "delayMs", 400);
        long start = System.nanoTime();
        BlueCherryHttp.Response r = http.get("pick");
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.status()).isEqualTo(200);
        assertThat(tookMs).isGreaterThanOrEqualTo(400);
    }

    @Test
    void faultsMatchTheirOperationOnly() {
        arm("operation", "OrderShipment", "type", "HTTP_5XX", "count", 1);
        assertThat(http.get("pick").status()).isEqualTo(200);
        assertThat(http.post("OrderShipment", "[]").status()).isEqualTo(500);
    }

    @Test
    void rateBasedFaultsKeepApplyingAndCanBeListedAndCleared() {
        arm("operation", "*", "type", "HTTP_5XX", "rate", 1.0);
        arm("operation", "pick", "type", "RATE_LIMIT", "count", 3);
        assertThat(http.get("Location").status()).isEqualTo(500);
        assertThat(http.get("Shipper").status()).isEqualTo(500);

        JsonNode listed = http.control("GET", "/faults");
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).path("rate").asDouble()).isEqualTo(1.0);
        assertThat(listed.get(0).path("remaining").isNull()).isTrue();
        assertThat(listed.get(1).path("remaining").asInt()).isEqualTo(3);

        http.control("DELETE", "/faults");
        assertThat(http.control("GET", "/faults")).isEmpty();
        assertThat(http.get("Location").status()).isEqualTo(200);
    }

    @Test
    void authenticationComesBeforeFaults() {
        arm("operation", "pick", "type", "HTTP_5XX", "count", 1);
        assertThat(http.getWithKey("pick", "bad").status()).isEqualTo(401);
        assertThat(http.get("pick").status()).isEqualTo(500);
    }

    @Test
    void faultsForeignToBlueCherryAreRefused() {
        BlueCherryHttp.Response r = http.controlRaw("POST", "/faults", Map.of("operation", "pick", "type", "SOAP_FAULT"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").asText()).contains("SOAP_FAULT");
    }

    @Test
    void resetClearsFaults() {
        arm("operation", "*", "type", "HTTP_5XX", "rate", 1.0);
        http.control("POST", "/reset");
        assertThat(http.get("pick").status()).isEqualTo(200);
    }
}
