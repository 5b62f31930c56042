package io.cherrypick.peoplevox.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.support.FreePort;

/**
 * The Peoplevox webhook route over real HTTP: token in the path or the header, storage before the answer, dedupe,
 * malformed bodies (bad input at the door: {@link WebhookBadInputTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "camel.main.routes-include-pattern=file:routes/peoplevox-webhooks.camel.yaml,file:routes/error-handling.camel.yaml",
        "cherrypick.webhooks.token=s3cret token&more",
        "cherrypick.webhooks.subscribe=false"})
@ActiveProfiles("test")
class PeoplevoxWebhookTest {
    static final int PORT = FreePort.find();
    /** The token as a path segment, as the subscriptions register it. */
    static final String TOKEN = "s3cret%20token%26more";

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired ExceptionStore exceptions;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void clean() {
        jdbc.update("delete from handoff");
        jdbc.update("delete from integration_exception");
    }

    @Test
    void theTokenMayComeInTheHeaderInstead() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT
                        + "/webhooks/peoplevox/TrackingNumberReceived"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Cherrypick-Token", "s3cret token&more")
                .POST(HttpRequest.BodyPublishers.ofString("DespatchNumber=DES2&TrackingNumber=T2")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(inboxRows()).isEqualTo(1);
    }

    @Test
    void anEventIsStoredOnceBeforeTheAnswerAndTheTokenIsNeitherStoredNorEchoed() throws Exception {
        String body = "DespatchNumber=DES000001&TrackingNumber=1Z999&Carrier.Number=UPS"
                + "&ServiceType.Name=UPS%20Ground&Picks.SalesOrder.SalesOrderNumber=P1";
        HttpResponse<String> first = post("TrackingNumberReceived", body);
        HttpResponse<String> again = post("TrackingNumberReceived", body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("stored");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("duplicate");
        assertThat(first.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("token")
                || h.equalsIgnoreCase("DespatchNumber"));
        assertThat(inboxRows()).isEqualTo(1);
        String payload = jdbc.queryForObject("select payload from handoff", String.class);
        assertThat(payload).contains("\"DespatchNumber\":\"DES000001\"").contains("\"Picks.SalesOrder.SalesOrderNumber\":\"P1\"")
                .doesNotContain("s3cret");
        assertThat(jdbc.queryForObject("select record_key from handoff", String.class))
                .isEqualTo("TrackingNumberReceived:DES000001|1Z999");
    }

    @Test
    void aMalformedEventIsRefusedWith400AndKeptAsAnException() throws Exception {
        HttpResponse<String> response = post("DespatchPackageDespatched", "TrackingNumber=1Z1");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(inboxRows()).isZero();
        List<ExceptionRecord> open = exceptions.list("OPEN", "MALFORMED_EVENT", null, null, 10);
        assertThat(open).hasSize(1);
        assertThat(open.get(0).message()).contains("DespatchPackageDespatched").contains("DespatchNumber");
        assertThat(open.get(0).payload()).contains("\"TrackingNumber\":\"1Z1\"").doesNotContain("s3cret");
    }

    @Test
    void anEventNoFlowConsumesIsNotFound() throws Exception {
        // every Peoplevox event type Cherrypick subscribes to has a flow now (GoodsReceived: inbound); any other name
        assertThat(post("NoFlowTakesThis", "Id=1").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> post(String eventType, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/webhooks/peoplevox/" + TOKEN + "/"
                        + eventType))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int inboxRows() {
        return jdbc.queryForObject("select count(*) from handoff", Integer.class);
    }
}
