package io.cherrypick.ops.charts;

import static io.cherrypick.support.JsonViews.list;
import static io.cherrypick.support.JsonViews.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import io.cherrypick.failure.Category;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.NewException;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.Timestamps;
import io.cherrypick.support.FreePort;

/**
 * The console's API over a real database: the charts count what the tables hold (each hour, each day of the report
 * zone, percentiles, calls of every instance against the budget, backlog samples), lists page and export in plain
 * words with formula cells neutralised, the search box finds every kind of record, an order shows its timeline, and a
 * bulk action acts only on what its preview listed. Subclasses choose the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "cherrypick.ops.report-zone=America/New_York", "cherrypick.ops.stuck-after.PICKING=1h"})
@ActiveProfiles("test")
@DirtiesContext
abstract class AbstractConsoleApiTest {
    static final int PORT = FreePort.find();
    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired NamedParameterJdbcTemplate named;
    @Autowired OrderLifecycleStore lifecycle;
    @Autowired ExceptionStore exceptions;
    @Autowired PeoplevoxCallHistory calls;
    @Autowired PeoplevoxClient peoplevox;
    @Autowired ConsoleHistory history;
    RestClient api;

    @BeforeEach
    void startFromNothing() {
        List.of("integration_exception", "order_lifecycle", "despatch", "handoff", "api_call_minute", "flow_backlog_minute",
                "audit_log", "return_authorisation").forEach(t -> jdbc.update("delete from " + t));
        api = RestClient.builder().baseUrl("http://localhost:" + PORT).build();
    }

    int status(String path) {
        Integer status = api.get().uri(path).exchange((rq, rs) -> rs.getStatusCode().value());
        return status;
    }

    Map<String, Object> get(String path) {
        return api.get().uri(path).retrieve().body(MAP);
    }

    /** A chart's series by key. */
    static List<Number> series(Map<String, Object> chart, String key) {
        return list(chart.get("series")).stream().filter(s -> key.equals(s.get("key"))).findFirst()
                .map(s -> {
                    @SuppressWarnings("unchecked")
                    List<Number> values = (List<Number>) s.get("values");
                    return values;
                }).orElseThrow(() -> new AssertionError("no series " + key + " in " + chart.get("series")));
    }

    /** The bucket of a chart that holds {@code at}. */
    static int bucket(Map<String, Object> chart, Instant at) {
        @SuppressWarnings("unchecked")
        List<String> starts = (List<String>) chart.get("buckets");
        long seconds = ((Number) chart.get("bucketSeconds")).longValue();
        for (int i = 0; i < starts.size(); i++) {
            Instant start = Instant.parse(starts.get(i));
            if (!at.isBefore(start) && at.isBefore(start.plusSeconds(seconds))) {
                return i;
            }
        }
        throw new AssertionError(at + " is in no bucket of " + starts);
    }

    /** A pick with its step times (column -> time). */
    void pick(String pick, LifecycleState state, Map<String, Instant> steps) {
        lifecycle.received(pick, "O" + pick, "PO" + pick, "WEB01", "NJ", "r1");
        lifecycle.moveTo(pick, state, null);
        jdbc.update("update order_lifecycle set received_at = null where pick_num = ?", pick);
        steps.forEach((column, at) -> jdbc.update("update order_lifecycle set " + column + " = ? where pick_num = ?",
                Timestamps.utc(at), pick));
    }

    void handoffRecord(String queue, String key, String status, Instant created, Instant updated) {
        jdbc.update("insert into handoff (queue, record_key, revision, payload, status, attempts, next_attempt_at, created_at,"
                + " updated_at) values (?, ?, '', '{}', ?, 0, ?, ?, ?)", queue, key, status, Timestamps.utc(created),
                Timestamps.utc(created), Timestamps.utc(updated));
    }

    @Test
    void theOrdersChartCountsEachStepInTheHourItHappened() {
        Instant twoHoursAgo = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS).plusSeconds(600);
        Instant lastHour = Instant.now().minus(1, ChronoUnit.HOURS);
        pick("C1", LifecycleState.ACKNOWLEDGED, Map.of("received_at", twoHoursAgo, "acknowledged_at", twoHoursAgo));
        pick("C2", LifecycleState.DESPATCHED, Map.of("received_at", twoHoursAgo, "acknowledged_at", lastHour,
                "despatched_at", lastHour));
        pick("C3", LifecycleState.HELD_IN_BLUE_CHERRY, Map.of("received_at", lastHour, "held_at", lastHour));
        pick("OLD", LifecycleState.ACKNOWLEDGED, Map.of("received_at", Instant.now().minus(3, ChronoUnit.DAYS)));

        Map<String, Object> chart = get("/api/charts/orders?window=24h");
        assertThat(list(chart.get("buckets"))).hasSize(24);
        int early = bucket(chart, twoHoursAgo);
        int late = bucket(chart, lastHour);
        assertThat(series(chart, "RECEIVED").get(early)).isEqualTo(2);
        assertThat(series(chart, "RECEIVED").get(late)).isEqualTo(1);
        assertThat(series(chart, "ACKNOWLEDGED").get(early)).isEqualTo(1);
        assertThat(series(chart, "ACKNOWLEDGED").get(late)).isEqualTo(1);
        assertThat(series(chart, "HELD_IN_BLUE_CHERRY").get(late)).isEqualTo(1);
        assertThat(series(chart, "DESPATCHED").stream().mapToLong(Number::longValue).sum()).isEqualTo(1);
        assertThat(series(chart, "RECEIVED").stream().mapToLong(Number::longValue).sum()).as("3 days ago is outside").isEqualTo(3);
        assertThat(list(chart.get("series")).get(0).get("label")).isEqualTo("Taken from Blue Cherry");

        Map<String, Object> week = get("/api/charts/orders?window=7d");
        assertThat(list(week.get("buckets"))).hasSize(168);
        assertThat(series(week, "RECEIVED").stream().mapToLong(Number::longValue).sum()).isEqualTo(4);
        assertThat(status("/api/charts/orders?window=1y")).isEqualTo(400);
    }

    @Test
    void theExceptionsChartCountsOpenedAndResolvedPerDayOfTheReportZone() {
        ZoneId zone = ZoneId.of("America/New_York");
        LocalDate today = LocalDate.now(zone);
        Instant lateYesterday = today.minusDays(1).atTime(23, 30).atZone(zone).toInstant(); // today in UTC
        Instant earlyToday = today.atTime(0, 30).atZone(zone).toInstant();
        long a = exception("sales-order", "E1", Category.SKU_MISMATCH);
        long b = exception("sales-order", "E2", Category.SKU_MISMATCH);
        long c = exception("despatch", "E3", Category.API_TIMEOUT);
        jdbc.update("update integration_exception set first_seen = ? where id in (?, ?)", Timestamps.utc(lateYesterday), a, b);
        jdbc.update("update integration_exception set first_seen = ? where id = ?", Timestamps.utc(earlyToday), c);
        jdbc.update("update integration_exception set status = 'RESOLVED', actioned_at = ? where id = ?",
                Timestamps.utc(earlyToday), a);
        jdbc.update("update integration_exception set status = 'REPLAYED', actioned_at = ? where id = ?",
                Timestamps.utc(earlyToday), b); // replayed is not closed yet

        Map<String, Object> chart = get("/api/charts/exceptions?days=7");
        assertThat(list(chart.get("buckets"))).hasSize(7);
        assertThat(series(chart, "opened:SKU_MISMATCH")).containsExactly(0, 0, 0, 0, 0, 2, 0);
        assertThat(series(chart, "opened:API_TIMEOUT")).containsExactly(0, 0, 0, 0, 0, 0, 1);
        assertThat(series(chart, "resolved:SKU_MISMATCH")).containsExactly(0, 0, 0, 0, 0, 0, 1);
        assertThat(list(chart.get("series")).stream().map(s -> s.get("key")))
                .containsExactly("opened:SKU_MISMATCH", "opened:API_TIMEOUT", "resolved:SKU_MISMATCH");
        assertThat(map(chart.get("extra"))).containsEntry("zone", "America/New_York");
    }

    long exception(String flow, String key, Category category) {
        return exceptions.record(NewException.of(flow, flow + "-route", key, category, "Record " + key + ": " + category,
                "{}", null));
    }

    @Test
    void latencyIsEachHoursMedianAnd95thPercentileOfWhatWasMeasured() {
        Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS).plusSeconds(300);
        for (int i = 1; i <= 20; i++) {
            pick("L" + i, LifecycleState.ACKNOWLEDGED, Map.of("received_at", base, "acknowledged_at", base.plusSeconds(i)));
        }
        pick("D1", LifecycleState.CONFIRMED_IN_BLUE_CHERRY, Map.of("despatched_at", base, "confirmed_at", base.plusSeconds(60)));
        pick("D2", LifecycleState.CONFIRMED_IN_BLUE_CHERRY, Map.of("despatched_at", base, "confirmed_at", base.plusSeconds(120)));
        handoffRecord("stock-channel:web", "S1|A", "DONE", base, base.plusMillis(1500));
        handoffRecord("stock-channel:web", "S2|A", "DONE", base, base.plusMillis(2500));
        handoffRecord("stock-channel:web", "S3|A", "PENDING", base, base.plusSeconds(99)); // not pushed yet
        handoffRecord("sales-order", "X1", "DONE", base, base.plusSeconds(99)); // not a stock queue

        Map<String, Object> chart = get("/api/charts/latency?window=24h");
        int i = bucket(chart, base.plusSeconds(10));
        assertThat(series(chart, "pick-to-peoplevox:p50").get(i)).isEqualTo(10.0);
        assertThat(series(chart, "pick-to-peoplevox:p95").get(i)).isEqualTo(19.0);
        assertThat(series(chart, "pick-to-peoplevox:count").get(i)).isEqualTo(20);
        assertThat(series(chart, "despatch-to-blue-cherry:p50").get(i)).isEqualTo(60.0);
        assertThat(series(chart, "despatch-to-blue-cherry:p95").get(i)).isEqualTo(120.0);
        assertThat(series(chart, "stock-push:p50").get(i)).isEqualTo(1.5);
        assertThat(series(chart, "stock-push:p95").get(i)).isEqualTo(2.5);
        assertThat(series(chart, "stock-push:count").get(i)).isEqualTo(2);
        assertThat(series(chart, "stock-push:p50").get(i == 0 ? 1 : 0)).as("an hour with nothing measured").isNull();
    }

    @Test
    void peoplevoxCallsOfEveryInstanceAddUpPerMinuteAgainstTheBudget() {
        peoplevox.getData("Item types", ""); // a real call to the simulator: Authenticate, then GetData
        calls.flush();
        Integer real = jdbc.queryForObject("select sum(calls) from api_call_minute where system = 'peoplevox'", Integer.class);
        assertThat(real).as("the client's calls, through its listener").isGreaterThanOrEqualTo(2);

        jdbc.update("delete from api_call_minute");
        PeoplevoxCallHistory other = new PeoplevoxCallHistory(named); // a second instance of the cluster
        for (int n = 0; n < 3; n++) {
            calls.called("SaveData", "ok");
        }
        calls.called("SaveData", "rate_limited");
        other.called("GetData", "ok");
        other.called("GetData", "timeout");
        calls.flush();
        other.flush();
        Instant thisMinute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant otherMinute = thisMinute.atZone(java.time.ZoneOffset.UTC).getMinute() > 0 ? thisMinute.minus(1, ChronoUnit.MINUTES)
                : thisMinute.plus(1, ChronoUnit.MINUTES); // another minute of the same hour
        jdbc.update("insert into api_call_minute (system, at_minute, calls, rate_limited, failed) values ('peoplevox', ?,"
                + " 30, 0, 0)", Timestamps.utc(otherMinute));

        Map<String, Object> chart = get("/api/charts/peoplevox-calls?window=24h");
        int i = bucket(chart, thisMinute);
        assertThat(series(chart, "calls").get(i)).isEqualTo(36);
        assertThat(series(chart, "busiest-minute").get(i)).isEqualTo(30);
        assertThat(series(chart, "average-minute").get(i)).isEqualTo(0.6);
        assertThat(series(chart, "rate-limited").get(i)).isEqualTo(1);
        assertThat(series(chart, "failed").get(i)).isEqualTo(2);
        assertThat(map(chart.get("extra"))).containsEntry("budgetPerMinute", 60.0).containsEntry("pacing", false);
    }

    @Test
    void eachFlowsBacklogIsSampledOnceAMinuteAndChartedWithTheBacklogNow() {
        Instant now = Instant.now();
        for (int n = 0; n < 3; n++) {
            handoffRecord("sales-order", "P" + n, "PENDING", now.minusSeconds(60), now);
        }
        handoffRecord("sales-order", "H1", "HELD", now, now);
        handoffRecord("despatch", "D1", "CLAIMED", now, now);
        handoffRecord("despatch", "D0", "DONE", now, now);
        assertThat(history.sampleBacklog()).isEqualTo(2);
        history.sampleBacklog(); // the same minute again: kept once
        assertThat(jdbc.queryForObject("select count(*) from flow_backlog_minute", Integer.class)).isEqualTo(2);
        Instant earlier = now.truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);
        jdbc.update("insert into flow_backlog_minute (queue, at_minute, waiting, held) values ('sales-order', ?, 9, 1)",
                Timestamps.utc(earlier));

        Map<String, Object> chart = get("/api/charts/backlog?window=24h");
        int current = bucket(chart, now);
        assertThat(series(chart, "sales-order").get(current)).isEqualTo(4);
        assertThat(series(chart, "sales-order").get(bucket(chart, earlier))).isEqualTo(10);
        assertThat(series(chart, "despatch").get(current)).isEqualTo(1);
        assertThat(series(chart, "despatch").get(bucket(chart, earlier))).as("no sample: no value").isNull();
        Map<String, Object> salesOrder = list(map(chart.get("extra")).get("now")).stream()
                .filter(f -> "sales-order".equals(f.get("flow"))).findFirst().orElseThrow();
        assertThat(salesOrder).containsEntry("waiting", 3).containsEntry("held", 1).containsEntry("label", "Orders to Peoplevox");
    }

    @Test
    void listsComeAPageAtATimeOrWholeAsCsvInPlainWordsWithFormulasNeutralised() {
        for (int n = 1; n <= 7; n++) {
            lifecycle.received("LP" + n, "O" + n, null, n == 3 ? "=HYPERLINK(\"http://evil\",\"x\")" : "WEB01", "NJ", "r1");
            jdbc.update("update order_lifecycle set updated_at = ? where pick_num = ?",
                    Timestamps.utc(Instant.now().minusSeconds(100 - n)), "LP" + n);
        }
        lifecycle.held("LP2", "item unknown");
        jdbc.update("update order_lifecycle set updated_at = ? where pick_num = 'LP2'", Timestamps.utc(Instant.now().minusSeconds(98)));

        Map<String, Object> page = get("/api/lists/orders?offset=3&limit=3");
        assertThat(page).containsEntry("total", 7).containsEntry("offset", 3).containsEntry("limit", 3);
        assertThat(list(page.get("rows")).stream().map(r -> r.get("pickNum"))).containsExactly("LP4", "LP3", "LP2");
        assertThat(list(page.get("columns")).stream().filter(c -> "state".equals(c.get("key"))).findFirst().orElseThrow())
                .containsEntry("words", "orderState");
        assertThat(list(get("/api/lists/orders?state=HELD_IN_BLUE_CHERRY").get("rows"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("pickNum", "LP2").containsEntry("exceptionOpen", true));

        String csv = api.get().uri("/api/lists/orders?format=csv").retrieve().body(String.class);
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).isEqualTo("Pick,Order,Customer PO,Customer,Location,Warehouse site,Where it is,"
                + "Open exception,Last change (America/New_York)");
        assertThat(csv).contains("LP2,O2,,WEB01,NJ,,Held: needs a fix,yes,").contains("Waiting to be sent")
                .contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"").doesNotContain(",=HYPERLINK");

        String refusal = api.get().uri("/api/lists/orders?state=NOPE").exchange((rq, rs) ->
                rs.getStatusCode().value() + " " + new String(rs.getBody().readAllBytes()));
        assertThat(refusal).startsWith("400").contains("filter state: 'NOPE' is not one of QUEUED_IN_CHERRYPICK");
        assertThat(status("/api/lists/nothing")).isEqualTo(404);
        assertThat(api.get().uri("/api/lists").retrieve().body(LIST).stream().map(l -> l.get("name")))
                .contains("exceptions", "orders", "stuck-orders", "despatches", "returns", "return-receipts", "flows",
                        "records", "despatched-not-confirmed", "stock-variances", "mappings", "alerts", "audit");
    }

    @Test
    void theSearchBoxFindsPicksOrdersCustomerPOsDespatchesReturnsAndExceptions() {
        lifecycle.received("SRCH-1", "ORD-77", "PO-55", "WEB01", "NJ", "r1");
        jdbc.update("insert into despatch (despatch_number, pick_num, units, created_at) values ('DSP-9', 'SRCH-1', 3, ?)",
                Timestamps.now());
        jdbc.update("insert into return_authorisation (ra_num, ord_num, pick_num, revision, fingerprint, state,"
                + " authorised_at, updated_at) values ('RA-31', 'ORD-77', 'SRCH-1', 'r', 'f', 'AUTHORISED', ?, ?)",
                Timestamps.now(), Timestamps.now());
        exception("item", "012345678905", Category.DUPLICATE_BARCODE);

        assertThat(hits("srch")).extracting(h -> h.get("kind") + " " + h.get("href"))
                .contains("order #/orders/SRCH-1", "return #/returns/RA-31");
        assertThat(hits("ORD-77")).first().satisfies(h -> assertThat(h).containsEntry("key", "ORD-77")
                .containsEntry("href", "#/orders/SRCH-1"));
        assertThat(hits("po-55")).extracting(h -> h.get("href")).containsExactly("#/orders/SRCH-1");
        assertThat(hits("DSP-9")).singleElement().satisfies(h -> assertThat(h).containsEntry("kind", "despatch")
                .containsEntry("href", "#/orders/SRCH-1"));
        assertThat(hits("RA-31")).first().satisfies(h -> assertThat(h.get("href")).isEqualTo("#/returns/RA-31"));
        assertThat(hits("012345678905")).singleElement().satisfies(h -> assertThat(h)
                .containsEntry("href", "#/exceptions?flow=item&key=012345678905")
                .containsEntry("detail", "1 in all, 1 open"));
        assertThat(hits("%")).as("wildcards are text").isEmpty();
        assertThat(hits("SRCH_1")).isEmpty();
        assertThat(status("/api/search?q=" + "x".repeat(101))).isEqualTo(400);
    }

    List<Map<String, Object>> hits(String q) {
        return list(api.get().uri(b -> b.path("/api/search").queryParam("q", q).build()).retrieve().body(MAP).get("hits"));
    }

    @Test
    void anOrderShowsItsStepsWithDurationsItsDespatchesAndThatItIsStuck() {
        Instant start = Instant.now().minus(5, ChronoUnit.HOURS);
        pick("T1", LifecycleState.PICKING, Map.of("received_at", start, "released_at", start.plusSeconds(2),
                "acknowledged_at", start.plusSeconds(2), "allocated_at", start.plusSeconds(3600),
                "picking_at", start.plusSeconds(3 * 3600)));
        jdbc.update("insert into despatch (despatch_number, pick_num, units, created_at) values ('DT1', 'T1', 2, ?)",
                Timestamps.now());

        Map<String, Object> view = api.get().uri("/api/orders/OT1").retrieve().body(LIST).get(0);
        Map<String, Object> timeline = map(view.get("timeline"));
        assertThat(list(timeline.get("steps"))).extracting(s -> s.get("step") + " " + s.get("sincePreviousSeconds"))
                .containsExactly("RECEIVED null", "RELEASED_TO_PEOPLEVOX 2", "ACKNOWLEDGED 0", "ALLOCATED 3598",
                        "PICKING 7200");
        assertThat(timeline).containsEntry("state", "PICKING").containsEntry("stateLabel", "Being picked")
                .containsEntry("finished", false);
        assertThat(((Number) timeline.get("inStateSeconds")).longValue()).isBetween(7190L, 7300L);
        assertThat(map(view.get("stuck"))).containsEntry("limitMinutes", 60).containsEntry("waitingFor",
                "the warehouse to despatch it");
        assertThat(list(view.get("despatches"))).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("despatchNumber", "DT1").containsEntry("units", 2));
        assertThat(status("/api/orders/NOPE")).isEqualTo(404);
    }

    @Test
    void aBulkActionShowsWhatItWillDoFirstAndThenActsOnlyOnThose() {
        long held1 = heldException("B1");
        long held2 = heldException("B2");
        long noRecord = exception("sales-order", "B3", Category.MISSING_WAREHOUSE);

        Map<String, Object> preview = get("/api/exceptions/preview?action=replay&category=MISSING_WAREHOUSE");
        assertThat(preview).containsEntry("willAct", 2).containsEntry("willSkip", 1);
        assertThat(list(preview.get("items"))).filteredOn(i -> ((Number) i.get("id")).longValue() == noRecord).singleElement()
                .satisfies(i -> assertThat((String) i.get("why")).contains("has no stored record to send again"));
        assertThat(exceptions.find(held1).orElseThrow().status()).as("a preview changes nothing").isEqualTo("OPEN");

        long later = heldException("B4"); // arrives after the preview
        Map<String, Object> done = api.post().uri("/api/exceptions/bulk").header("X-Cherrypick-User", "sam")
                .body(Map.of("action", "replay", "ids", List.of(held1, held2))).retrieve().body(MAP);
        assertThat(list(done.get("done"))).hasSize(2);
        assertThat(exceptions.find(held1).orElseThrow().status()).isEqualTo("REPLAYED");
        assertThat(exceptions.find(later).orElseThrow().status()).as("not in the preview").isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("select count(*) from handoff where status = 'PENDING'", Integer.class)).isEqualTo(2);

        String noReason = api.post().uri("/api/exceptions/bulk").body(Map.of("action", "discard", "ids", List.of(noRecord)))
                .exchange((rq, rs) -> rs.getStatusCode().value() + " " + new String(rs.getBody().readAllBytes()));
        assertThat(noReason).startsWith("409").contains("say why you discard these exceptions");
        Map<String, Object> discarded = api.post().uri("/api/exceptions/bulk").header("X-Cherrypick-User", "sam")
                .body(Map.of("action", "discard", "ids", List.of(noRecord, held1), "reason", "duplicates of B5"))
                .retrieve().body(MAP);
        assertThat(list(discarded.get("done"))).hasSize(2);
        assertThat(exceptions.find(noRecord).orElseThrow().actionReason()).isEqualTo("duplicates of B5");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where actor = 'sam'", Integer.class)).isEqualTo(4);

        // a discarded exception's record no longer waits: settled as skipped with who discarded it and why
        api.post().uri("/api/exceptions/bulk").header("X-Cherrypick-User", "sam")
                .body(Map.of("action", "discard", "ids", List.of(later), "reason", "cancelled by phone")).retrieve().body(MAP);
        assertThat(jdbc.queryForObject("select status from handoff where record_key = 'B4'", String.class)).isEqualTo("SKIPPED");
        assertThat(jdbc.queryForObject("select note from handoff where record_key = 'B4'", String.class))
                .isEqualTo("exception " + later + " discarded by sam: cancelled by phone");

        Map<String, Object> guide = get("/api/exceptions/" + noRecord + "/guide");
        assertThat(map(guide.get("guide"))).containsEntry("plain", "Location without a warehouse").containsEntry("owner", "SUPPORT");
    }

    /** An open exception whose hand-off record is held, so it can be replayed. */
    long heldException(String key) {
        Instant now = Instant.now();
        handoffRecord("sales-order", key, "HELD", now, now);
        Long record = jdbc.queryForObject("select id from handoff where record_key = ?", Long.class, key);
        return exceptions.record(new NewException("sales-order", "sales-order-to-wms", key, Category.MISSING_WAREHOUSE,
                Category.MISSING_WAREHOUSE.defaultOwner(), "Pick " + key + ": location 'MIA' has no Peoplevox site mapping",
                "{}", null, record));
    }
}
