package io.cherrypick.ops.charts;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import io.cherrypick.failure.Category;
import io.cherrypick.ops.FlowHealth;
import io.cherrypick.ops.OpsProperties;
import io.cherrypick.ops.OrderTimeline;
import io.cherrypick.ops.words.PlainWords;
import io.cherrypick.peoplevox.PeoplevoxProperties;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.Timestamps;

/**
 * The overview's charts, read from the database only (the order lifecycle, the exception store, the hand-off, and the
 * console's per-minute history), so every instance of a cluster draws the same picture. Time charts count in buckets
 * of an hour ending with the current one; the exceptions chart in days of {@code cherrypick.ops.report-zone}.
 */
@Service
public class ChartData {
    private final NamedParameterJdbcTemplate jdbc;
    private final OpsProperties props;
    private final PeoplevoxProperties peoplevox;
    private final FlowHealth health;

    public ChartData(NamedParameterJdbcTemplate jdbc, OpsProperties props, PeoplevoxProperties peoplevox, FlowHealth health) {
        this.jdbc = jdbc;
        this.props = props;
        this.peoplevox = peoplevox;
        this.health = health;
    }

    /** How far back a time chart looks: the last 24 hours or 7 days, in buckets of an hour. */
    public enum Window {
        DAY("24h", 24), WEEK("7d", 168);

        private final String code;
        private final int hours;

        Window(String code, int hours) {
            this.code = code;
            this.hours = hours;
        }

        public String code() {
            return code;
        }

        public static Window of(String code) {
            for (Window w : values()) {
                if (w.code.equals(code)) {
                    return w;
                }
            }
            throw new IllegalArgumentException("window '" + code + "' is not one of 24h, 7d");
        }
    }

    /** One line or stack of a chart: a key (a constant, or a name), its plain label, a value per bucket (null: none). */
    public record Series(String key, String label, List<Number> values) {
    }

    /**
     * A chart: its buckets (each bucket's start; {@code bucketSeconds} long, or days for the exceptions chart), its
     * series, the unit of the values, and any extra figures (the Peoplevox budget, the backlog now).
     */
    public record Chart(String title, String unit, String window, long bucketSeconds, List<Instant> buckets,
                        List<Series> series, Map<String, Object> extra) {
    }

    /** Hourly buckets ending with the current hour. */
    private record Buckets(Instant from, int count, long seconds) {
        static Buckets of(Window window, Instant now) {
            Instant end = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
            return new Buckets(end.minus(window.hours, ChronoUnit.HOURS), window.hours, 3600);
        }

        /** The bucket of {@code at}, or -1 outside. */
        int index(Instant at) {
            if (at == null || at.isBefore(from)) {
                return -1;
            }
            long i = Duration.between(from, at).toSeconds() / seconds;
            return i < count ? (int) i : -1;
        }

        List<Instant> starts() {
            List<Instant> starts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                starts.add(from.plusSeconds(i * seconds));
            }
            return starts;
        }

        Object fromParam() {
            return Timestamps.utc(from);
        }
    }

    /** Orders reaching each step per hour (by the step's time in the order lifecycle). */
    public Chart orders(Window window) {
        Buckets b = Buckets.of(window, Instant.now());
        String[] steps = {"received_at", "held_at", "acknowledged_at", "allocated_at", "picking_at", "despatched_at",
                "confirmed_at", "cancelled_at"};
        String[] keys = {OrderTimeline.RECEIVED, LifecycleState.HELD_IN_BLUE_CHERRY.name(), LifecycleState.ACKNOWLEDGED.name(),
                LifecycleState.ALLOCATED.name(), LifecycleState.PICKING.name(), LifecycleState.DESPATCHED.name(),
                LifecycleState.CONFIRMED_IN_BLUE_CHERRY.name(), LifecycleState.CANCELLED.name()};
        long[][] counts = new long[steps.length][b.count()];
        String where = String.join(" or ", Arrays.stream(steps).map(s -> s + " >= :from").toList());
        jdbc.query("select " + String.join(", ", steps) + " from order_lifecycle where " + where,
                Map.of("from", b.fromParam()), (ResultSet rs) -> {
                    for (int s = 0; s < steps.length; s++) {
                        int i = b.index(Timestamps.read(rs, steps[s]));
                        if (i >= 0) {
                            counts[s][i]++;
                        }
                    }
                });
        List<Series> series = new ArrayList<>();
        for (int s = 0; s < steps.length; s++) {
            String label = OrderTimeline.RECEIVED.equals(keys[s]) ? "Taken from Blue Cherry"
                    : PlainWords.plain(PlainWords.ORDER_STATE, keys[s]);
            series.add(new Series(keys[s], label, boxed(counts[s])));
        }
        return new Chart("Orders reaching each step, per hour", "orders", window.code(), b.seconds(), b.starts(), series,
                Map.of());
    }

    /**
     * Exceptions opened (first seen) and closed (resolved or discarded) per day, by category, over the last {@code days}
     * days of the report zone. Series keys are {@code opened:<CATEGORY>} and {@code resolved:<CATEGORY>}; categories
     * with nothing in the period are left out.
     */
    public Chart exceptions(int days) {
        ZoneId zone = props.reportZone();
        LocalDate today = LocalDate.now(zone);
        LocalDate first = today.minusDays(days - 1L);
        Instant from = first.atStartOfDay(zone).toInstant();
        Map<String, long[]> opened = new TreeMap<>();
        Map<String, long[]> resolved = new TreeMap<>();
        jdbc.query("select category, status, first_seen, actioned_at from integration_exception where first_seen >= :from"
                + " or actioned_at >= :from", Map.of("from", Timestamps.utc(from)), (ResultSet rs) -> {
                    String category = rs.getString("category");
                    int o = dayIndex(Timestamps.read(rs, "first_seen"), first, days, zone);
                    if (o >= 0) {
                        opened.computeIfAbsent(category, c -> new long[days])[o]++;
                    }
                    String status = rs.getString("status");
                    int r = "RESOLVED".equals(status) || "DISCARDED".equals(status)
                            ? dayIndex(Timestamps.read(rs, "actioned_at"), first, days, zone) : -1;
                    if (r >= 0) {
                        resolved.computeIfAbsent(category, c -> new long[days])[r]++;
                    }
                });
        List<Series> series = new ArrayList<>();
        for (Category c : Category.values()) {
            if (opened.containsKey(c.name())) {
                series.add(new Series("opened:" + c.name(), PlainWords.plain(PlainWords.CATEGORY, c), boxed(opened.get(c.name()))));
            }
        }
        for (Category c : Category.values()) {
            if (resolved.containsKey(c.name())) {
                series.add(new Series("resolved:" + c.name(), PlainWords.plain(PlainWords.CATEGORY, c),
                        boxed(resolved.get(c.name()))));
            }
        }
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            starts.add(first.plusDays(i).atStartOfDay(zone).toInstant());
        }
        return new Chart("Exceptions opened and resolved per day, by problem", "exceptions", days + "d", 86_400, starts,
                series, Map.of("zone", zone.getId()));
    }

    /**
     * Latency per hour, 50th and 95th percentile in seconds (nearest rank) with the number measured: pick taken from
     * Blue Cherry to accepted by Peoplevox, despatch heard of to confirmed in Blue Cherry (both from the order lifecycle,
     * by the later time), and a stock change to the sales channel told (the stock channel queues' hand-off records, by
     * when they were done).
     */
    public Chart latency(Window window) {
        Buckets b = Buckets.of(window, Instant.now());
        List<Series> series = new ArrayList<>();
        addLatency(series, "pick-to-peoplevox", "Pick to Peoplevox", b, "select received_at as a, acknowledged_at as b from"
                + " order_lifecycle where acknowledged_at >= :from and received_at is not null");
        addLatency(series, "despatch-to-blue-cherry", "Despatch to Blue Cherry", b, "select despatched_at as a, confirmed_at"
                + " as b from order_lifecycle where confirmed_at >= :from and despatched_at is not null");
        addLatency(series, "stock-push", "Stock change to sales channel", b, "select created_at as a, updated_at as b from"
                + " handoff where queue like 'stock-channel:%' and status = 'DONE' and updated_at >= :from");
        return new Chart("Latency per hour (seconds)", "seconds", window.code(), b.seconds(), b.starts(), series, Map.of());
    }

    private void addLatency(List<Series> series, String key, String label, Buckets b, String sql) {
        List<LongList> byBucket = new ArrayList<>();
        for (int i = 0; i < b.count(); i++) {
            byBucket.add(new LongList());
        }
        jdbc.query(sql, Map.of("from", b.fromParam()), (ResultSet rs) -> {
            Instant start = Timestamps.read(rs, "a");
            Instant end = Timestamps.read(rs, "b");
            int i = b.index(end);
            if (i >= 0 && start != null && !end.isBefore(start)) {
                byBucket.get(i).add(Duration.between(start, end).toMillis());
            }
        });
        List<Number> p50 = new ArrayList<>();
        List<Number> p95 = new ArrayList<>();
        List<Number> count = new ArrayList<>();
        for (LongList values : byBucket) {
            p50.add(values.percentileSeconds(50));
            p95.add(values.percentileSeconds(95));
            count.add(values.size());
        }
        series.add(new Series(key + ":p50", label + ", median", p50));
        series.add(new Series(key + ":p95", label + ", 95th percentile", p95));
        series.add(new Series(key + ":count", label + ", measured", count));
    }

    /**
     * Peoplevox calls per hour from {@code api_call_minute} (every instance's): the calls, the busiest minute, the
     * average minute, and those refused for the rate limit; with the budget per minute Peoplevox allows
     * ({@code cherrypick.peoplevox.rate-limit.requests} per {@code period}, for the whole cluster).
     */
    public Chart peoplevoxCalls(Window window) {
        Buckets b = Buckets.of(window, Instant.now());
        long[] calls = new long[b.count()];
        long[] busiest = new long[b.count()];
        long[] limited = new long[b.count()];
        long[] failed = new long[b.count()];
        jdbc.query("select at_minute, calls, rate_limited, failed from api_call_minute where system = :system and at_minute >= :from",
                new MapSqlParameterSource().addValue("system", PeoplevoxCallHistory.SYSTEM).addValue("from", b.fromParam()),
                (ResultSet rs) -> {
                    int i = b.index(Timestamps.read(rs, "at_minute"));
                    if (i >= 0) {
                        int n = rs.getInt("calls");
                        calls[i] += n;
                        busiest[i] = Math.max(busiest[i], n);
                        limited[i] += rs.getInt("rate_limited");
                        failed[i] += rs.getInt("failed");
                    }
                });
        List<Number> average = new ArrayList<>();
        for (long n : calls) {
            average.add(Math.round(n * 10.0 / (b.seconds() / 60.0)) / 10.0);
        }
        PeoplevoxProperties.RateLimit limit = peoplevox.rateLimit();
        double budget = limit.requests() * 60.0 / limit.period().toSeconds();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("budgetPerMinute", Math.round(budget * 10) / 10.0);
        extra.put("budget", limit.requests() + " calls per " + limit.period().toSeconds() + " s");
        extra.put("pacing", peoplevox.paced());
        return new Chart("Peoplevox calls against the rate budget", "calls per minute", window.code(), b.seconds(),
                b.starts(), List.of(new Series("busiest-minute", "Busiest minute", boxed(busiest)),
                        new Series("average-minute", "Average minute", average),
                        new Series("calls", "Calls in the hour", boxed(calls)),
                        new Series("rate-limited", "Refused for the rate limit", boxed(limited)),
                        new Series("failed", "Failed (any reason)", boxed(failed))), extra);
    }

    /**
     * Each flow's backlog per hour from the per-minute samples (the largest sample of the hour; none: no sample), and
     * the backlog now from the hand-off itself.
     */
    public Chart backlog(Window window) {
        Buckets b = Buckets.of(window, Instant.now());
        Map<String, Long[]> byQueue = new TreeMap<>();
        jdbc.query("select queue, at_minute, waiting, held from flow_backlog_minute where at_minute >= :from",
                Map.of("from", b.fromParam()), (ResultSet rs) -> {
                    int i = b.index(Timestamps.read(rs, "at_minute"));
                    if (i >= 0) {
                        Long[] values = byQueue.computeIfAbsent(rs.getString("queue"), q -> new Long[b.count()]);
                        long n = (long) rs.getInt("waiting") + rs.getInt("held");
                        values[i] = values[i] == null ? n : Math.max(values[i], n);
                    }
                });
        List<Series> series = new ArrayList<>();
        byQueue.forEach((queue, values) -> series.add(new Series(queue, PlainWords.plain(PlainWords.FLOW, queue),
                Arrays.asList((Number[]) values))));
        List<Map<String, Object>> now = new ArrayList<>();
        for (FlowHealth.Flow f : health.flows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("flow", f.flow());
            row.put("label", PlainWords.plain(PlainWords.FLOW, f.flow()));
            row.put("waiting", f.backlog());
            row.put("held", f.records().getOrDefault("HELD", 0) + f.records().getOrDefault("FAILED", 0));
            row.put("oldestWaitingSeconds", f.oldestWaitingSeconds());
            now.add(row);
        }
        return new Chart("Backlog per flow (records waiting, largest per hour)", "records", window.code(), b.seconds(),
                b.starts(), series, Map.of("now", now));
    }

    private static int dayIndex(Instant at, LocalDate first, int days, ZoneId zone) {
        if (at == null) {
            return -1;
        }
        long i = ChronoUnit.DAYS.between(first, LocalDate.ofInstant(at, zone));
        return i >= 0 && i < days ? (int) i : -1;
    }

    private static List<Number> boxed(long[] values) {
        List<Number> list = new ArrayList<>(values.length);
        for (long v : values) {
            list.add(v);
        }
        return list;
    }

    /** Latencies of one bucket, in milliseconds. */
    static final class LongList {
        private long[] values = new long[16];
        private int size;
        private boolean sorted = true;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            sorted = size == 0 || sorted && values[size - 1] <= value;
            values[size++] = value;
        }

        int size() {
            return size;
        }

        /** The nearest-rank percentile in seconds, to a tenth; null when empty. */
        Double percentileSeconds(int percent) {
            if (size == 0) {
                return null;
            }
            if (!sorted) {
                Arrays.sort(values, 0, size);
                sorted = true;
            }
            int rank = (int) Math.ceil(percent / 100.0 * size);
            return Math.round(values[Math.max(0, rank - 1)] / 100.0) / 10.0;
        }
    }

    /** For tests: the nearest-rank percentile of these milliseconds, in seconds. */
    static Double percentile(int percent, long... millis) {
        LongList list = new LongList();
        for (long m : millis) {
            list.add(m);
        }
        return list.percentileSeconds(percent);
    }
}
