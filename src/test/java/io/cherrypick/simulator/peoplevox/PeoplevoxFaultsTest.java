package io.cherrypick.simulator.peoplevox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Injected faults and the rate limit. */
class PeoplevoxFaultsTest extends PeoplevoxTestSupport {

    @BeforeEach
    void login() {
        soap.login();
    }

    private JsonNode fault(Map<String, Object> spec) {
        return controlOk(HttpMethod.POST, "/faults", spec);
    }

    private static final String REFUSAL = "System : Rate limit exceeded - 15 requests per 15 seconds";

    @Test
    void latencyDelaysThenAnswersNormally() {
        fault(Map.of("operation", "GetSaveTemplate", "type", "LATENCY", "delayMs", 700));
        long start = System.nanoTime();
        SoapTestClient.Response response = soap.getSaveTemplate("Sites");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(response.responseId()).isZero();
    }

    @Test
    void timeoutHoldsTheRequestLongerThanTheClientWaits() throws Exception {
        fault(Map.of("operation", "GetData", "type", "TIMEOUT", "delayMs", 2000));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(soap.endpoint())).timeout(Duration.ofMillis(500))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"http://www.peoplevox.net/GetData\"")
                .POST(HttpRequest.BodyPublishers.ofString(SoapTestClient.envelope("GetData", soap.sessionId,
                        "<getRequest><TemplateName>Sites</TemplateName><PageNo>1</PageNo>"
                                + "<ItemsPerPage>0</ItemsPerPage></getRequest>")))
                .build();
        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        // The fault was used up: the next call answers at once.
        assertThat(soap.getData("Sites", null).responseId()).isZero();
        // Like the real service, the held request is still carried out after the client gave up; wait for it here, or
        // it lands in the next test (where it counted against that test's rate limit).
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> controlOk(HttpMethod.GET, "/calls?operation=GetData", null).size() == 2);
    }

    @Test
    void http5xxAppliesToTheNextCountCalls() {
        JsonNode created = fault(Map.of("operation", "SaveData", "type", "HTTP_5XX", "count", 2, "status", 503));
        assertThat(created.get("type").asText()).isEqualTo("HTTP_5XX");
        assertThat(created.get("count").asInt()).isEqualTo(2);

        // Other operations are not affected.
        assertThat(soap.getData("Sites", null).responseId()).isZero();
        assertThat(soap.saveData("Sites", "Name,Reference\nA,B\n").httpStatus()).isEqualTo(503);
        assertThat(controlOk(HttpMethod.GET, "/faults", null).get(0).get("count").asInt()).isEqualTo(1);
        assertThat(soap.saveData("Sites", "Name,Reference\nA,B\n").httpStatus()).isEqualTo(503);
        assertThat(controlOk(HttpMethod.GET, "/faults", null)).isEmpty();
        assertThat(soap.saveData("Sites", "Name,Reference\nA,B\n").responseId()).isZero();
        // The faulted calls did not save anything and are in the call log without a ResponseId.
        JsonNode calls = controlOk(HttpMethod.GET, "/calls?operation=SaveData", null);
        assertThat(calls).hasSize(3);
        assertThat(calls.get(0).get("responseId").isNull()).isTrue();
        assertThat(calls.get(0).get("rows").isNull()).isTrue();
    }

    @Test
    void soapFaultHtmlAndMalformedBodies() {
        fault(Map.of("operation", "GetData", "type", "SOAP_FAULT"));
        SoapTestClient.Response soapFault = soap.getData("Sites", null);
        assertThat(soapFault.httpStatus()).isEqualTo(500);
        assertThat(soapFault.contentType()).startsWith("text/xml");
        assertThat(soapFault.faultString()).contains("Server was unable to process request");

        fault(Map.of("operation", "GetData", "type", "HTML"));
        SoapTestClient.Response html = soap.getData("Sites", null);
        assertThat(html.httpStatus()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).startsWith("<!DOCTYPE html>");

        fault(Map.of("operation", "GetData", "type", "MALFORMED"));
        SoapTestClient.Response malformed = soap.getData("Sites", null);
        assertThat(malformed.httpStatus()).isEqualTo(200);
        assertThat(malformed.responseId()).isNull();
        assertThatThrownBy(() -> SoapTestClient.parseXml(malformed.body())).isInstanceOf(Exception.class);

        assertThat(soap.getData("Sites", null).responseId()).isZero();
    }

    @Test
    void sessionExpiredExpiresTheCallersSession() {
        fault(Map.of("operation", "*", "type", "SESSION_EXPIRED"));
        SoapTestClient.Response expired = soap.getData("Sites", null);
        assertThat(expired.httpStatus()).isEqualTo(200);
        assertThat(expired.responseId()).isEqualTo(-1);
        assertThat(expired.detail()).isEqualTo("System : Security - Session Expired");
        assertThat(soap.getData("Sites", null).detail()).isEqualTo("System : Security - Session Expired");

        soap.login();
        assertThat(soap.getData("Sites", null).responseId()).isZero();
    }

    @Test
    void rateLimitFaultAnswersTheRefusal() {
        fault(Map.of("operation", "GetData", "type", "RATE_LIMIT"));
        SoapTestClient.Response refused = soap.getData("Sites", null);
        assertThat(refused.httpStatus()).isEqualTo(200);
        assertThat(refused.responseId()).isEqualTo(-1);
        assertThat(refused.totalCount()).isZero();
        assertThat(refused.detail()).isEqualTo(REFUSAL);
    }

    @Test
    void rateBasedFaultsApplyUntilCleared() {
        fault(Map.of("operation", "*", "type", "HTTP_5XX", "rate", 1.0));
        for (int i = 0; i < 3; i++) {
            assertThat(soap.getData("Sites", null).httpStatus()).isEqualTo(500);
        }
        assertThat(controlOk(HttpMethod.GET, "/faults", null).get(0).get("rate").asDouble()).isEqualTo(1.0);
        controlOk(HttpMethod.DELETE, "/faults", null);
        assertThat(soap.getData("Sites", null).responseId()).isZero();

        fault(Map.of("operation", "*", "type", "HTTP_5XX", "rate", 0.0));
        assertThat(soap.getData("Sites", null).responseId()).isZero();
    }

    @Test
    void invalidFaultsAreRefused() {
        ResponseEntity<JsonNode> badType = control(HttpMethod.POST, "/faults", Map.of("operation", "*", "type", "BOOM"));
        assertThat(badType.getStatusCode().value()).isEqualTo(400);
        assertThat(badType.getBody().get("error").asText()).startsWith("Unknown fault type 'BOOM'");
        ResponseEntity<JsonNode> both = control(HttpMethod.POST, "/faults",
                Map.of("operation", "*", "type", "HTML", "count", 1, "rate", 0.5));
        assertThat(both.getBody().get("error").asText()).isEqualTo("Give count or rate, not both");
    }

    @Test
    void rateLimitRefusesRequestsOverTheLimitWhenSwitchedOn() {
        config(Map.of("rateLimitEnabled", true));
        for (int i = 0; i < 15; i++) {
            SoapTestClient.Response accepted = soap.getSaveTemplate("Sites");
            assertThat(accepted.responseId()).as("call %d: %s", i + 1, accepted.detail()).isZero();
        }
        SoapTestClient.Response refused = soap.getSaveTemplate("Sites");
        assertThat(refused.httpStatus()).isEqualTo(200);
        assertThat(refused.responseId()).isEqualTo(-1);
        assertThat(refused.totalCount()).isZero();
        assertThat(refused.detail()).isEqualTo(REFUSAL);
    }

    @Test
    void rateLimitWindowIsConfigurable() {
        config(Map.of("rateLimitEnabled", true, "rateLimitRequests", 2, "rateLimitWindowSeconds", 1));
        assertThat(soap.getSaveTemplate("Sites").responseId()).isZero();
        assertThat(soap.getSaveTemplate("Sites").responseId()).isZero();
        assertThat(soap.getSaveTemplate("Sites").detail())
                .isEqualTo("System : Rate limit exceeded - 2 requests per 1 seconds");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(400))
                .until(() -> soap.getSaveTemplate("Sites").responseId() == 0);
    }
}
