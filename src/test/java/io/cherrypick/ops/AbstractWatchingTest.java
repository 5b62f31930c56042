package io.cherrypick.ops;

import static io.cherrypick.support.JsonViews.list;
import static io.cherrypick.support.JsonViews.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.failure.Category;
import io.cherrypick.ops.alert.Alerter;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.NewException;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.Timestamps;

/**
 * Watching the orders and the exceptions: stuck orders by state limit (JSON API, metrics), alerts to a chat webhook
 * (a real HTTP receiver), grouped, told once, sent again when the chat refused them, and the orders reconciliation for
 * finance. Subclasses choose the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cherrypick.ops.stuck-after.PICKING=0",
        "cherrypick.ops.stuck-after.ACKNOWLEDGED=90m",
        "cherrypick.alerts.link-base=https://cherrypick.example.com/",
        "cherrypick.ops.report-zone=America/New_York"})
@ActiveProfiles("test")
@AutoConfigureObservability
abstract class AbstractWatchingTest {
    static final ChatReceiver CHAT = new ChatReceiver();
    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @DynamicPropertySource
    static void chat(DynamicPropertyRegistry registry) {
        registry.add("cherrypick.alerts.webhook-url", CHAT::url);
    }

    @LocalServerPort int port;
    @Autowired OrderLifecycleStore lifecycle;
    @Autowired ExceptionStore exceptions;
    @Autowired Alerter alerter;
    @Autowired StoreMetrics metrics;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    RestClient api;

    @BeforeEach
    void startFromNothing() {
        List.of("alert", "alert_subject", "integration_exception", "order_lifecycle", "despatch")
                .forEach(t -> jdbc.update("delete from " + t));
        CHAT.reset();
        api = RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    /** A pick that entered {@code state} {@code ago} ago. */
    void order(String pick, LifecycleState state, Duration ago) {
        lifecycle.received(pick, "O" + pick, null, "WEB01", "NJ", "2026-11-27 08:00:00");
        lifecycle.moveTo(pick, state, null);
        String column = switch (state) {
            case QUEUED_IN_CHERRYPICK -> "received_at"; // a queued pick has no step time: its last update counts
            case HELD_IN_BLUE_CHERRY -> "held_at";
            case ACKNOWLEDGED -> "acknowledged_at";
            case PICKING -> "picking_at";
            case DESPATCHED -> "despatched_at";
            case CONFIRMED_IN_BLUE_CHERRY -> "confirmed_at";
            default -> throw new IllegalArgumentException(state.name());
        };
        jdbc.update("update order_lifecycle set " + column + " = ?, updated_at = ? where pick_num = ?",
                Timestamps.utc(Instant.now().minus(ago)), Timestamps.utc(Instant.now().minus(ago)), pick);
    }

    long exception(String flow, String key, Category category, String message) {
        return exceptions.record(NewException.of(flow, flow + "-route", key, category, message, "{\"key\":\"" + key + "\"}", null));
    }

    @Test
    void ordersPastTheirStatesLimitAreListedLongestWaitingFirstWithWhatTheyWaitFor() {
        order("S1", LifecycleState.DESPATCHED, Duration.ofHours(3));
        order("S2", LifecycleState.DESPATCHED, Duration.ofMinutes(10));
        order("S3", LifecycleState.HELD_IN_BLUE_CHERRY, Duration.ofHours(5));
        order("S4", LifecycleState.CONFIRMED_IN_BLUE_CHERRY, Duration.ofDays(20));
        order("S5", LifecycleState.QUEUED_IN_CHERRYPICK, Duration.ofHours(1));
        order("S6", LifecycleState.PICKING, Duration.ofDays(2)); // PICKING=0: never stuck
        order("S7", LifecycleState.ACKNOWLEDGED, Duration.ofHours(2)); // limit set to 90m
        order("S8", LifecycleState.ACKNOWLEDGED, Duration.ofMinutes(60));

        Map<String, Object> all = api.get().uri("/api/orders/stuck").retrieve().body(MAP);
        List<Map<String, Object>> orders = list(all.get("orders"));
        assertThat(orders).extracting(o -> o.get("pickNum")).containsExactly("S3", "S1", "S7", "S5");
        assertThat(map(all.get("counts"))).containsEntry("DESPATCHED", 1).containsEntry("HELD_IN_BLUE_CHERRY", 1)
                .containsEntry("ACKNOWLEDGED", 1).containsEntry("QUEUED_IN_CHERRYPICK", 1).doesNotContainKey("PICKING")
                .doesNotContainKey("CONFIRMED_IN_BLUE_CHERRY");

        List<Map<String, Object>> despatched = list(api.get().uri("/api/orders/stuck?state=DESPATCHED").retrieve()
                .body(MAP).get("orders"));
        assertThat(despatched).hasSize(1);
        Map<String, Object> s1 = despatched.get(0);
        assertThat(s1.get("ordNum")).isEqualTo("OS1");
        assertThat(s1.get("limitMinutes")).isEqualTo(120);
        assertThat(((Number) s1.get("minutesInState")).intValue()).isBetween(179, 181);
        assertThat((String) s1.get("waitingFor")).contains("confirmed in Blue Cherry");
        assertThat(map(orders.get(0)).get("waitingFor").toString()).contains("open exception");

        assertThat(map(api.get().uri("/api/flows").retrieve().body(MAP).get("stuckOrdersByState")))
                .containsEntry("DESPATCHED", 1);
        metrics.refresh();
        assertThat(api.get().uri("/actuator/prometheus").retrieve().body(String.class))
                .contains("cherrypick_orders_stuck{application=\"cherrypick\",state=\"DESPATCHED\"} 1.0")
                .contains("cherrypick_orders_stuck{application=\"cherrypick\",state=\"ACKNOWLEDGED\"} 1.0");
    }

    @Test
    void oneMessageGroupsNewExceptionsAndNewlyStuckOrdersAndEachIsToldOnce() throws Exception {
        exception("sales-order", "P1", Category.SKU_MISMATCH, "Pick P1 line 2: item 099999999993 does not exist in Peoplevox");
        exception("sales-order", "P2", Category.SKU_MISMATCH, "Pick P2 line 1: item 099999999986 does not exist in Peoplevox");
        exception("despatch", "DES1", Category.API_TIMEOUT, "Despatch DES1: Blue Cherry\ntimed out after 30 s");
        order("S1", LifecycleState.DESPATCHED, Duration.ofHours(3));
        order("S2", LifecycleState.DESPATCHED, Duration.ofMinutes(5));

        Alerter.Run first = alerter.run();
        assertThat(first.composed()).isTrue();
        assertThat(first.delivered()).isEqualTo(1);
        assertThat(CHAT.bodies()).hasSize(1);
        String text = text(CHAT.bodies().get(0));
        assertThat(text).startsWith("Cherrypick: 3 new exceptions, 1 order newly stuck")
                .contains("https://cherrypick.example.com/ops#/exceptions?status=OPEN")
                .contains("Orders to Peoplevox · Item unknown to Peoplevox [SKU_MISMATCH] (for Support) ×2")
                .contains("P1: Pick P1 line 2: item 099999999993 does not exist in Peoplevox")
                .contains("Despatches to Blue Cherry · System did not answer in time [API_TIMEOUT] (for Support) ×1")
                .contains("DES1: Despatch DES1: Blue Cherry timed out after 30 s")
                .contains("Despatched [DESPATCHED] for over 2h 0m ×1, waiting for its despatch to be confirmed in Blue Cherry")
                .contains("pick S1 (order OS1): 3h 0m")
                .doesNotContain("S2");

        // nothing new: nothing said; a repeat of an open exception is the same exception
        exception("sales-order", "P1", Category.SKU_MISMATCH, "Pick P1 line 2: item 099999999993 does not exist in Peoplevox");
        assertThat(alerter.run().composed()).isFalse();
        assertThat(CHAT.bodies()).hasSize(1);

        exception("stock", "channel:web", Category.API_ERROR, "Channel web answered 503");
        alerter.run();
        assertThat(CHAT.bodies()).hasSize(2);
        assertThat(text(CHAT.bodies().get(1))).startsWith("Cherrypick: 1 new exception\n")
                .contains("Stock · System error [API_ERROR] (for Support) ×1").doesNotContain("P1").doesNotContain("S1");

        List<Map<String, Object>> history = api.get().uri("/api/alerts").retrieve().body(LIST);
        assertThat(history).hasSize(2).allMatch(a -> a.get("deliveredAt") != null);
    }

    @Test
    void aMessageTheChatRefusedIsSentAgainFirstAndNothingIsLostOrDoubled() throws Exception {
        CHAT.answer(503);
        exception("returns", "RA-1", Category.VALIDATION, "Return RA-1: line 1 has no UPC");
        Alerter.Run refused = alerter.run();
        assertThat(refused.delivered()).isZero();
        assertThat(refused.undelivered()).isEqualTo(1);
        Map<String, Object> kept = api.get().uri("/api/alerts").retrieve().body(LIST).get(0);
        assertThat(kept.get("deliveredAt")).isNull();
        assertThat(kept.get("attempts")).isEqualTo(1);
        assertThat((String) kept.get("lastError")).isEqualTo("HTTP 503: no_service");

        CHAT.answer(200);
        exception("returns", "RA-2", Category.VALIDATION, "Return RA-2: quantity 0");
        Alerter.Run recovered = alerter.run();
        assertThat(recovered.delivered()).isEqualTo(2);
        assertThat(CHAT.bodies()).hasSize(2);
        assertThat(text(CHAT.bodies().get(0))).contains("RA-1").doesNotContain("RA-2");
        assertThat(text(CHAT.bodies().get(1))).contains("RA-2").doesNotContain("RA-1");
        assertThat(alerter.run().delivered()).isZero();
        assertThat(CHAT.bodies()).hasSize(2);
    }

    @Test
    void aRefusalQuotingTheWebhookAddressNeverShowsIt() throws Exception {
        CHAT.answer(404);
        exception("returns", "RA-3", Category.VALIDATION, "Return RA-3: line 1 has no UPC");
        assertThat(alerter.run().undelivered()).isEqualTo(1);
        String history = api.get().uri("/api/alerts").retrieve().body(String.class);
        assertThat(history).contains("HTTP 404: no route for POST (hidden)").doesNotContain("xoxsecret42")
                .doesNotContain("T0SECRET");
    }

    @Test
    void anyActorNameIsRecordedFittedToItsColumn() {
        long id = exception("sales-order", "P9", Category.SKU_MISMATCH, "Pick P9 line 1: item 099999999993 does not exist");
        String name = "support desk\nFAKE LOG LINE " + "x".repeat(300);
        Map<String, Object> resolved = api.post().uri("/api/exceptions/" + id + "/resolve").header("X-Cherrypick-User", name)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(Map.of("reason", "r".repeat(2000)))
                .retrieve().body(MAP);
        assertThat(resolved.get("status")).isEqualTo("RESOLVED");
        String actor = jdbc.queryForObject("select actor from audit_log where target_id = ?", String.class, Long.toString(id));
        assertThat(actor).hasSize(100).startsWith("support desk FAKE LOG LINE xxx").endsWith("...").doesNotContain("\n");
        assertThat(exceptions.find(id).orElseThrow().actionedBy()).isEqualTo(actor);
    }

    /** A pick with the given step times (UTC instants as text; null for a step not reached). */
    void journey(String pick, String location, String site, LifecycleState state, String received, String held,
                 String released, String acknowledged, String despatched, String confirmed) {
        jdbc.update("insert into order_lifecycle (pick_num, ord_num, bc_location, pvx_site, state, exception_open,"
                + " received_at, held_at, released_at, acknowledged_at, despatched_at, confirmed_at, updated_at)"
                + " values (?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?)", pick, "O" + pick, location, site, state.name(),
                at(received), at(held), at(released), at(acknowledged), at(despatched), at(confirmed), at(received));
    }

    static java.time.OffsetDateTime at(String instant) {
        return instant == null ? null : Timestamps.utc(Instant.parse(instant));
    }

    @Test
    void financeSeesEachDayPerLocationAndSiteInTheReportZoneAndTheDespatchesNotYetConfirmed() {
        // days in New York (UTC-5 in November): 03:00Z on the 21st is still the 20th there
        journey("R1", "NJ", "PrimarySite", LifecycleState.CONFIRMED_IN_BLUE_CHERRY, "2026-11-20T14:00:00Z", null,
                "2026-11-20T14:05:00Z", "2026-11-20T14:06:00Z", "2026-11-21T03:00:00Z", "2026-11-21T15:00:00Z");
        journey("R2", "NJ", "PrimarySite", LifecycleState.DESPATCHED, "2026-11-20T16:00:00Z", null,
                "2026-11-20T16:05:00Z", "2026-11-20T16:06:00Z", "2026-11-21T16:00:00Z", null);
        journey("R3", "MIA", null, LifecycleState.HELD_IN_BLUE_CHERRY, "2026-11-20T18:00:00Z", "2026-11-20T18:00:01Z",
                null, null, null, null);
        journey("R4", "NJ", "PrimarySite", LifecycleState.CONFIRMED_IN_BLUE_CHERRY, "2026-11-10T10:00:00Z", null,
                "2026-11-10T10:05:00Z", "2026-11-10T10:06:00Z", "2026-11-10T20:00:00Z", "2026-11-10T21:00:00Z");
        jdbc.update("insert into despatch (despatch_number, pick_num, units, created_at) values ('D1', 'R1', 3, ?),"
                + " ('D2', 'R2', 2, ?), ('D4', 'R4', 7, ?)", at("2026-11-21T03:00:00Z"), at("2026-11-21T16:00:00Z"),
                at("2026-11-10T20:00:00Z"));

        Map<String, Object> report = api.get().uri("/api/reconciliation/orders?from=2026-11-20&to=2026-11-21").retrieve()
                .body(MAP);
        assertThat(report.get("zone")).isEqualTo("America/New_York");
        List<Map<String, Object>> rows = list(report.get("rows"));
        assertThat(rows).extracting(r -> r.get("day") + " " + r.get("bcLocation") + " " + r.get("pvxSite"))
                .containsExactly("2026-11-20 MIA null", "2026-11-20 NJ PrimarySite", "2026-11-21 NJ PrimarySite");
        assertThat(rows.get(0)).containsEntry("received", 1).containsEntry("held", 1).containsEntry("released", 0);
        assertThat(rows.get(1)).containsEntry("received", 2).containsEntry("released", 2).containsEntry("acknowledged", 2)
                .containsEntry("despatched", 1).containsEntry("despatchedUnits", 3).containsEntry("confirmed", 0);
        assertThat(rows.get(2)).containsEntry("despatched", 1).containsEntry("despatchedUnits", 2)
                .containsEntry("confirmed", 1).containsEntry("despatchedNotConfirmed", 1);
        assertThat(map(report.get("total"))).containsEntry("received", 3).containsEntry("despatched", 2)
                .containsEntry("despatchedUnits", 5).containsEntry("confirmed", 1).containsEntry("despatchedNotConfirmed", 1);
        assertThat(list(report.get("despatchedNotConfirmed"))).extracting(g -> g.get("pickNum")).containsExactly("R2");

        String csv = api.get().uri("/api/reconciliation/orders?from=2026-11-20&to=2026-11-21&format=csv").retrieve()
                .body(String.class);
        assertThat(csv.split("\r\n")).containsExactly(
                "day,bc_location,pvx_site,received,held,released,acknowledged,despatched,despatched_units,confirmed,"
                        + "cancelled,despatched_not_confirmed",
                "2026-11-20,MIA,,1,1,0,0,0,0,0,0,0",
                "2026-11-20,NJ,PrimarySite,2,0,2,2,1,3,0,0,0",
                "2026-11-21,NJ,PrimarySite,0,0,0,0,1,2,1,0,1",
                "total,,,3,1,2,2,2,5,1,0,1");

        String backwards = api.get().uri("/api/reconciliation/orders?from=2026-11-21&to=2026-11-20").exchange((req, res) ->
                res.getStatusCode().value() + " " + new String(res.getBody().readAllBytes()));
        assertThat(backwards).startsWith("400").contains("'to' (2026-11-20) is before 'from' (2026-11-21)");
    }

    private String text(String body) throws Exception {
        return json.readTree(body).path("text").asText();
    }
}
