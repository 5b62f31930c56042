package io.cherrypick.peoplevox.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.support.FreePort;

/**
 * Bad input at the Peoplevox webhook, over real HTTP: each case gets a clear answer at the door (401, 413, 400, never a
 * 500), nothing of it is stored, and a good event sent right after it is stored as usual. The token is taken from the
 * path or the header only and is checked before the body is read or parsed; it never shows in the logs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "camel.main.routes-include-pattern=file:routes/peoplevox-webhooks.camel.yaml,file:routes/error-handling.camel.yaml",
        "cherrypick.webhooks.token=" + WebhookBadInputTest.TOKEN,
        "cherrypick.webhooks.subscribe=false",
        "cherrypick.webhooks.max-body-size=2KB"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class WebhookBadInputTest {
    static final String TOKEN = "gate-Token-77";
    static final int PORT = FreePort.find();
    private static final String GOOD = "DespatchNumber=DES%d&TrackingNumber=1Z%d";

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    @Autowired JdbcTemplate jdbc;
    private final HttpClient http = HttpClient.newHttpClient();
    private int neighbour;

    @BeforeEach
    void clean() {
        jdbc.update("delete from handoff");
        jdbc.update("delete from integration_exception");
    }

    @Test
    void aWrongOrMissingTokenIsRefusedBeforeTheBodyIsParsed(CapturedOutput output) throws Exception {
        assertRefused(send("/guess/TrackingNumberReceived", null, form("DespatchNumber=D1&TrackingNumber=T1")), 401,
                "unauthorised");
        assertRefused(send("/TrackingNumberReceived", null, form("DespatchNumber=D1&TrackingNumber=T1")), 401, "unauthorised");
        // an undecodable or oversized body with a wrong token: still 401, the body is never looked at
        assertRefused(send("/guess/TrackingNumberReceived", null, form("DespatchNumber=%zz")), 401, "unauthorised");
        assertRefused(send("/guess/TrackingNumberReceived", null, form("DespatchNumber=" + "x".repeat(5000))), 401,
                "unauthorised");
        assertThat(output.getAll()).contains("/webhooks/peoplevox/***/TrackingNumberReceived").doesNotContain("guess");
        assertNeighbourStored();
    }

    @Test
    void aTokenInTheQueryStringOrAFormFieldIsNotAccepted() throws Exception {
        assertRefused(send("/TrackingNumberReceived?token=" + TOKEN, null, form("DespatchNumber=D1&TrackingNumber=T1")),
                401, "unauthorised");
        assertRefused(send("/TrackingNumberReceived?X-Cherrypick-Token=" + TOKEN, null,
                form("DespatchNumber=D1&TrackingNumber=T1")), 401, "unauthorised");
        assertRefused(send("/TrackingNumberReceived", null, form("token=" + TOKEN + "&DespatchNumber=D1&TrackingNumber=T1")),
                401, "unauthorised");
        assertNeighbourStored();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        String large = "DespatchNumber=D1&TrackingNumber=" + "1".repeat(3000);
        assertRefused(send("/" + TOKEN + "/TrackingNumberReceived", null, form(large)), 413, "limit of 2048 bytes");
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(large.getBytes(StandardCharsets.UTF_8)));
        assertRefused(send("/" + TOKEN + "/TrackingNumberReceived", null, chunked), 413, "limit of 2048 bytes");
        assertNeighbourStored();
    }

    @Test
    void anUndecodableBodyGetsA400NamingTheFieldNeverA500(CapturedOutput output) throws Exception {
        assertRefused(send("/" + TOKEN + "/TrackingNumberReceived", null, form("DespatchNumber=D%zz1&TrackingNumber=T1")),
                400, "field DespatchNumber: '%zz' is not a percent-escape");
        assertRefused(send("/" + TOKEN + "/TrackingNumberReceived", null, form("DespatchNumber=D%FF1&TrackingNumber=T1")),
                400, "field DespatchNumber: the value is not valid UTF-8");
        byte[] raw = "DespatchNumber=D\u00e91&TrackingNumber=T1".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(send("/" + TOKEN + "/TrackingNumberReceived", TOKEN, HttpRequest.BodyPublishers.ofByteArray(raw)),
                400, "the body is not valid UTF-8");
        assertThat(output.getAll()).doesNotContain(TOKEN);
        assertNeighbourStored();
    }

    @Test
    void aGoodEventWithTheTokenInThePathIsStoredAndTheTokenIsNowhere(CapturedOutput output) throws Exception {
        HttpResponse<String> stored = send("/" + TOKEN + "/TrackingNumberReceived", null,
                form("DespatchNumber=D%C3%A99&TrackingNumber=1Z+9&token=" + TOKEN));
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.body()).isEqualTo("stored");
        assertThat(jdbc.queryForObject("select payload from handoff", String.class))
                .contains("\"DespatchNumber\":\"D\u00e99\"", "\"TrackingNumber\":\"1Z 9\"").doesNotContain(TOKEN);
        assertThat(output.getAll()).doesNotContain(TOKEN);
    }

    private void assertRefused(HttpResponse<String> response, int status, String text) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains(text).doesNotContain(TOKEN);
        assertThat(jdbc.queryForObject("select count(*) from handoff", Integer.class)).as("nothing stored").isZero();
    }

    /** A good event sent after the bad ones is stored as usual. */
    private void assertNeighbourStored() throws Exception {
        neighbour++;
        HttpResponse<String> response = send("/" + TOKEN + "/TrackingNumberReceived", null,
                form(GOOD.formatted(neighbour, neighbour)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from handoff", Integer.class)).isEqualTo(1);
        jdbc.update("delete from handoff");
    }

    private static HttpRequest.BodyPublisher form(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    private HttpResponse<String> send(String pathAfterWebhook, String headerToken, HttpRequest.BodyPublisher body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/webhooks/peoplevox"
                        + pathAfterWebhook))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(body);
        if (headerToken != null) {
            request.header("X-Cherrypick-Token", headerToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
