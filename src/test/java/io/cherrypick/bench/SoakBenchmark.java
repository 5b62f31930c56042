package io.cherrypick.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import io.cherrypick.CherrypickApplication;
import io.cherrypick.flow.stock.StockProperties;
import io.cherrypick.ops.ExceptionActions;
import io.cherrypick.ops.OpsProperties;
import io.cherrypick.ops.retention.RetentionCutoffs;
import io.cherrypick.peoplevox.events.EventSpec;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.Timestamps;
import io.cherrypick.support.EmbeddedPostgres;
import io.cherrypick.support.FreePort;
import io.cherrypick.support.Simulators;

/**
 * Soak: the demo scenario's traffic (orders, warehouse steps and despatches, stock movements, returns; the simulators'
 * {@code cherrypick.simulator.scenario.*}) played {@code soak.speed} times faster than the demo for {@code soak.minutes}
 * (default 10 times for 144 minutes: a demo day), with every flow on and retention running every minute on ages
 * compressed so that purging happens within the run. Every {@code soak.sample-seconds} it records the runtime's heap
 * after a full GC, the rows of every table (the hand-off table by queue and status, exceptions by status), the
 * simulators' heap and what went through (picks created, orders taken, despatches, stock pushes to the channel, returns).
 * At the end each series gets a verdict over the run's second half and the figures go to target/bench/soak.json; the
 * exit code is non-zero when something that should stay flat grew or when the traffic stalled.
 * <pre>
 * MAVEN_OPTS=-Xmx512m ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *        -Dexec.mainClass=io.cherrypick.bench.SoakBenchmark -Dsoak.minutes=15
 * </pre>
 * Options (system properties): {@code soak.speed} (10), {@code soak.minutes} (a demo day at that speed: 1,440 /
 * speed), {@code soak.sample-seconds} (30), {@code soak.keep-minutes} (retention's keep, compressed: a sixth of the run,
 * at least 1), {@code soak.max-growth-per-hour} (0.05: a series is flat when its least-squares slope over the second
 * half is below this share of its mean per hour, or when it moved fewer than {@code soak.min-rows} (20) rows over the
 * second half), {@code soak.support} (true: a support person discards the open exceptions each sample, as a day at the
 * desk would; false leaves them open, and they grow by design), {@code soak.strict} (false: true also fails on the
 * tables that keep one row per record by design), {@code soak.postgres} or the argument {@code --postgres}: the runtime
 * on an embedded PostgreSQL server instead of H2. The runtime runs in this JVM (exec:java: Maven's; MAVEN_OPTS=-Xmx...
 * caps it) and the simulators in their own, so the heap measured is the runtime's.
 */
public final class SoakBenchmark {
    /** Demo scenario intervals at speed 1 (ScenarioProperties' defaults) and picks per order tick. */
    private static final Duration DEMO_ORDER_INTERVAL = Duration.ofSeconds(5);
    private static final Duration DEMO_WAREHOUSE_INTERVAL = Duration.ofSeconds(7);
    /** The report polls' default overlap (application.yml, cherrypick.flows.*.poll-overlap). */
    private static final Duration DEMO_POLL_OVERLAP = Duration.ofHours(1);
    private static final int DEMO_ORDERS_PER_TICK = 3;
    /** Records of each kind the simulators keep during a soak. */
    private static final int SIMULATOR_RECORDS = 10_000;

    /**
     * Tables (or hand-off queues, {@code handoff[queue/status]}) that keep one row per business record by design:
     * retention (routes/ops-retention.camel.yaml) keeps the rows of the queues that send records and the idempotency
     * keys, and purges nothing of the records themselves (orders, despatches, returns, goods receipts). They grow with
     * the traffic; the verdict reports their rows per hour and per order, and fails on them only with soak.strict.
     */
    private static final Set<String> KEPT_TABLES = Set.of("camel_messageprocessed", "order_lifecycle", "despatch",
            "despatch_carton", "despatch_reading", "return_authorisation", "return_authorisation_line", "return_receipt",
            "return_receipt_line", "goods_receipt", "goods_receipt_credit", "purchase_order", "purchase_order_line",
            "handoff", "document_number", "pull_taken");

    /** How much older than keep a row retention should purge may get: the cron's minute and a slow run's. */
    private static final Duration RETENTION_SLACK = Duration.ofMinutes(2);

    /** Retention's compressed keep, read by {@link ScaledRetention} (set before the runtime starts). */
    private static volatile Duration scaledKeep;

    private SoakBenchmark() {
    }

    private record Settings(double speed, double minutes, int sampleSeconds, Duration keep, double maxGrowthPerHour,
                            int minRows, boolean support, boolean strict, boolean postgres) {
        Duration length() {
            return Duration.ofMillis((long) (minutes * 60_000));
        }
    }

    public static void main(String[] args) throws Exception {
        double speed = Double.parseDouble(System.getProperty("soak.speed", "10"));
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", String.valueOf(24 * 60 / speed)));
        Settings settings = new Settings(speed, minutes,
                Integer.parseInt(System.getProperty("soak.sample-seconds", "30")),
                Duration.ofSeconds((long) (60 * Double.parseDouble(System.getProperty("soak.keep-minutes",
                        String.valueOf(Math.max(1, minutes / 6)))))),
                Double.parseDouble(System.getProperty("soak.max-growth-per-hour", "0.05")),
                Integer.parseInt(System.getProperty("soak.min-rows", "20")),
                Boolean.parseBoolean(System.getProperty("soak.support", "true")),
                Boolean.getBoolean("soak.strict"),
                Boolean.getBoolean("soak.postgres") || List.of(args).contains("--postgres"));
        scaledKeep = settings.keep();

        List<String> scenario = List.of(
                "--cherrypick.simulator.scenario.enabled=true",
                // started once the runtime is up, so the run's first minutes are not a backlog
                "--cherrypick.simulator.scenario.auto-start=false",
                "--cherrypick.simulator.scenario.start-delay=0s",
                "--cherrypick.simulator.scenario.order-interval=" + scaled(DEMO_ORDER_INTERVAL, speed).toMillis() + "ms",
                "--cherrypick.simulator.scenario.warehouse-interval=" + scaled(DEMO_WAREHOUSE_INTERVAL, speed).toMillis() + "ms",
                // the simulators keep the newest 10,000 records of each kind (default 100,000: two demo days), so a
                // day's run fits their heap; the runtime's tables, not theirs, are what the run judges
                "--cherrypick.simulator.bluecherry.max-records=" + SIMULATOR_RECORDS,
                "--cherrypick.simulator.peoplevox.max-records=" + SIMULATOR_RECORDS);
        int port = FreePort.find();
        int exit;
        try (BenchSimulators simulators = BenchSimulators.start(port, scenario)) {
            List<String> props = simulators.runtimeArgs(port);
            if (!simulators.ownProcess()) {
                override(props, scenario);
            }
            override(props, List.of(
                    // every flow the scenario feeds, as the demo runs them (the benchmark defaults switch orders off)
                    "--cherrypick.flows.sales-order.enabled=true",
                    "--cherrypick.flows.sales-order-change.enabled=true",
                    "--cherrypick.flows.returns.enabled=true",
                    // the report polls' overlap (1 h) compressed like the demo's time: a poll that re-reads further back
                    // than retention keeps its events stores the purged ones again and re-reads their returns and
                    // despatches (harmless, the flows are idempotent, but work and rows the soak would count as growth)
                    "--cherrypick.flows.despatch.poll-overlap=" + scaled(DEMO_POLL_OVERLAP, speed).toSeconds() + "s",
                    "--cherrypick.flows.returns.poll-overlap=" + scaled(DEMO_POLL_OVERLAP, speed).toSeconds() + "s",
                    "--cherrypick.flows.inbound.poll-overlap=" + scaled(DEMO_POLL_OVERLAP, speed).toSeconds() + "s",
                    "--cherrypick.metrics.refresh=15000",
                    // retention every minute; its ages come from ScaledRetention (the settings refuse less than 1 h)
                    "--cherrypick.ops.retention.cron=0 * * * * ?",
                    // the console history's keep cannot go below 1 h: it is judged only when the run is long enough
                    "--cherrypick.ops.history.keep=1h",
                    "--cherrypick.ops.history.purge-cron=30 * * * * ?",
                    "--spring.main.allow-bean-definition-overriding=true"));
            if (settings.postgres()) {
                props.add("--spring.datasource.url=" + EmbeddedPostgres.newDatabaseUrl());
                props.add("--spring.datasource.username=postgres");
                props.add("--spring.datasource.password=postgres");
            }
            ConfigurableApplicationContext app = new SpringApplicationBuilder(CherrypickApplication.class, ScaledRetention.class)
                    .run(props.toArray(String[]::new));
            try {
                exit = run(app, simulators, settings);
            } finally {
                app.close();
            }
        }
        System.exit(exit);
    }

    /**
     * Sets these {@code --key=value} arguments, dropping any earlier one of the same key: Spring joins a key given twice
     * on the command line with a comma (a boolean "false,true" stops the start).
     */
    private static void override(List<String> args, List<String> settings) {
        for (String setting : settings) {
            String key = setting.substring(0, setting.indexOf('=') + 1);
            args.removeIf(a -> a.startsWith(key));
            args.add(setting);
        }
    }

    private static Duration scaled(Duration demo, double speed) {
        return Duration.ofMillis(Math.max(1, Math.round(demo.toMillis() / speed)));
    }

    /**
     * Retention with its ages compressed for the soak: settled rows and audit rows older than soak.keep-minutes go.
     * Given to the application as a source (its @Bean method read in lite mode); not annotated @Configuration, so the
     * tests' component scan of io.cherrypick never picks it up.
     */
    static class ScaledRetention {
        @Bean("retentionCutoffs")
        RetentionCutoffs retentionCutoffs(OpsProperties props, List<EventSpec> events, StockProperties stock,
                                          org.apache.camel.CamelContext camel) {
            return new RetentionCutoffs(props, events, stock, camel) {
                @Override
                public OffsetDateTime keepFrom() {
                    return Timestamps.utc(Instant.now().minus(scaledKeep));
                }

                @Override
                public OffsetDateTime sweepFrom() {
                    return Timestamps.utc(Instant.now().minus(scaledKeep.multipliedBy(2)));
                }

                // keep-latest (400 d, the newest row of each record sent, and the idempotency keys) as keep-audit
                @Override
                public OffsetDateTime keepLatestFrom() {
                    return Timestamps.utc(Instant.now().minus(scaledKeep));
                }

                @Override
                public java.sql.Timestamp keepKeysFrom() {
                    return java.sql.Timestamp.from(Instant.now().minus(scaledKeep));
                }

                @Override
                public OffsetDateTime keepAuditFrom() {
                    return Timestamps.utc(Instant.now().minus(scaledKeep));
                }
            };
        }
    }

    /** One sample: seconds since the start and every series' value. */
    private record Sample(double seconds, Map<String, Double> values) {
    }

    private static int run(ConfigurableApplicationContext app, BenchSimulators simulators, Settings settings) throws Exception {
        Simulators sims = simulators.client();
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        Duration length = settings.length();
        double keepDemoDays = settings.keep().toMillis() * settings.speed() / 86_400_000.0;
        String scaling = String.format("traffic %.0f times the demo's (%d picks every %d ms, warehouse every %d ms); retention"
                        + " every minute, keep 30 d, keep-latest 400 d and keep-audit 400 d all compressed to %s of run time (%.2f demo days at"
                        + " that speed); console history keep 1 h (its smallest allowed), purged every minute",
                settings.speed(), DEMO_ORDERS_PER_TICK, scaled(DEMO_ORDER_INTERVAL, settings.speed()).toMillis(),
                scaled(DEMO_WAREHOUSE_INTERVAL, settings.speed()).toMillis(), readable(settings.keep()), keepDemoDays);
        System.out.printf("%nsoak: %.1f minutes (%.1f demo hours), sampled every %d s, %s, simulators %s, heap limit %d MiB%n%s%n",
                settings.minutes(), settings.minutes() * settings.speed() / 60, settings.sampleSeconds(),
                settings.postgres() ? "PostgreSQL" : "H2", simulators.ownProcess() ? "in their own JVM" : "in this JVM",
                BenchRuns.PeakHeap.limitMib(), scaling);

        sims.post("/sim/scenario/_control/start", Map.of());
        List<Sample> samples = new ArrayList<>();
        Instant start = Instant.now();
        Instant end = start.plus(length);
        long supportDiscarded = 0;
        while (true) {
            if (settings.support()) {
                supportDiscarded += supportDesk(app);
            }
            Sample sample = sample(jdbc, sims, simulators, Duration.between(start, Instant.now()).toMillis() / 1000.0);
            samples.add(sample);
            System.out.printf("%7.0f s  heap %4.0f MiB  picks %6.0f  orders %6.0f  despatches %5.0f  channel updates %7.0f"
                            + "  handoff %7.0f  exceptions open %4.0f%n", sample.seconds(), sample.values().get("heap.afterGcMiB"),
                    sample.values().getOrDefault("traffic.picksCreated", 0.0), sample.values().getOrDefault("table.order_lifecycle", 0.0),
                    sample.values().getOrDefault("table.despatch", 0.0), sample.values().getOrDefault("traffic.channelUpdates", 0.0),
                    sample.values().getOrDefault("table.handoff", 0.0), sample.values().getOrDefault("exceptions[OPEN]", 0.0));
            if (!Instant.now().isBefore(end)) {
                break;
            }
            Instant next = Instant.now().plusSeconds(settings.sampleSeconds());
            BenchRuns.await(Duration.ofSeconds(settings.sampleSeconds() + 5), Duration.ofMillis(500),
                    () -> !Instant.now().isBefore(next.isAfter(end) ? end : next));
        }
        sims.post("/sim/scenario/_control/stop", Map.of());
        return report(samples, settings, scaling, supportDiscarded, simulators);
    }

    /** The support person's round: every open exception is looked at and discarded (a day's desk work, compressed). */
    private static int supportDesk(ConfigurableApplicationContext app) {
        List<Long> open = app.getBean(ExceptionStore.class).list(ExceptionRecord.OPEN, null, null, null, 1000).stream()
                .map(ExceptionRecord::id).toList();
        if (open.isEmpty()) {
            return 0;
        }
        return app.getBean(ExceptionActions.class).apply(ExceptionActions.BulkAction.DISCARD, open, "soak-support",
                "soak: the support desk's round").done().size();
    }

    private static Sample sample(JdbcTemplate jdbc, Simulators sims, BenchSimulators simulators, double seconds) {
        Map<String, Double> v = new TreeMap<>();
        java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        v.put("heap.afterGcMiB", memory.getHeapMemoryUsage().getUsed() / 1048576.0);
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables where table_schema ="
                + " current_schema() and table_type in ('BASE TABLE', 'TABLE')", String.class);
        for (String table : tables) {
            v.put("table." + table.toLowerCase(), count(jdbc, "select count(*) from \"" + table + "\""));
        }
        jdbc.query("select queue, status, count(*) n from handoff group by queue, status",
                (java.sql.ResultSet rs) -> {
                    v.put("handoff[" + rs.getString("queue") + "/" + rs.getString("status") + "]", rs.getDouble("n"));
                });
        jdbc.query("select status, count(*) n from integration_exception group by status",
                (java.sql.ResultSet rs) -> {
                    v.put("exceptions[" + rs.getString("status") + "]", rs.getDouble("n"));
                });
        // how old the oldest row retention should have purged is: stays near keep + a minute while purging works
        Instant now = Instant.now();
        jdbc.query("select queue, min(updated_at) oldest from handoff where status in ('DONE', 'SKIPPED', 'SUPERSEDED')"
                + " group by queue", (java.sql.ResultSet rs) -> {
                    OffsetDateTime oldest = rs.getObject("oldest", OffsetDateTime.class);
                    v.put("age[handoff " + rs.getString("queue") + " settled]", ageSeconds(oldest, now));
                });
        v.put("age[integration_exception closed]", ageSeconds(jdbc.queryForObject("select min(coalesce(actioned_at, last_seen))"
                + " from integration_exception where status <> 'OPEN'", OffsetDateTime.class), now));
        v.put("age[alert_subject]", ageSeconds(jdbc.queryForObject("select min(created_at) from alert_subject",
                OffsetDateTime.class), now));
        v.put("age[audit_log]", ageSeconds(jdbc.queryForObject("select min(at) from audit_log", OffsetDateTime.class), now));
        v.put("traffic.ordersSentToPeoplevox", count(jdbc, "select count(*) from order_lifecycle where acknowledged_at is not null"));
        try {
            Map<String, Object> scenario = sims.get("/sim/scenario/_control/state");
            for (String key : List.of("picksCreated", "ordersAdvanced", "ordersDespatched", "stockMovements",
                    "returnsAuthorised", "returnsReceived", "failedCalls")) {
                if (scenario.get(key) instanceof Number n) {
                    v.put("traffic." + key, n.doubleValue());
                }
            }
            if (sims.get("/sim/channel/_control/state").get("updates") instanceof Number n) {
                v.put("traffic.channelUpdates", n.doubleValue());
            }
            if (simulators.ownProcess() && sims.get("/actuator/metrics/jvm.memory.used?tag=area:heap")
                    .get("measurements") instanceof List<?> m && !m.isEmpty() && m.get(0) instanceof Map<?, ?> first
                    && first.get("value") instanceof Number used) {
                v.put("simulators.heapUsedMiB", used.doubleValue() / 1048576.0);
            }
        } catch (RuntimeException unreachable) {
            // a sample without the simulators' figures; the stall check sees the traffic stop if it does
            System.out.println("simulators did not answer this sample: " + unreachable.getMessage());
        }
        return new Sample(seconds, v);
    }

    private static double ageSeconds(OffsetDateTime oldest, Instant now) {
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0);
    }

    private static double count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    /** A series' verdict over the second half of the run. */
    private record Verdict(String series, String kind, double first, double last, double secondHalfMean,
                           double slopePerHour, double growthPerHour, String verdict, boolean fails) {
    }

    private static int report(List<Sample> samples, Settings settings, String scaling, long supportDiscarded,
                              BenchSimulators simulators) throws Exception {
        double total = samples.get(samples.size() - 1).seconds();
        double half = total / 2;
        List<Sample> second = samples.stream().filter(s -> s.seconds() >= half).toList();
        Sample mid = second.get(0);
        Sample last = samples.get(samples.size() - 1);
        double secondHours = (last.seconds() - mid.seconds()) / 3600;
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.addAll(s.values().keySet()));
        double ordersSecondHalf = delta(mid, last, "table.order_lifecycle");

        List<Verdict> verdicts = new ArrayList<>();
        for (String name : names) {
            if (name.startsWith("traffic.")) {
                continue;
            }
            double[] t = second.stream().mapToDouble(s -> s.seconds() / 3600).toArray();
            double[] y = second.stream().mapToDouble(s -> s.values().getOrDefault(name, 0.0)).toArray();
            double mean = java.util.Arrays.stream(y).average().orElse(0);
            double slope = slope(t, y);
            double growth = slope / Math.max(1, Math.abs(mean));
            // a row count may also move a few rows (a purge's sawtooth); the heap is judged on its growth alone
            boolean rows = !name.equals("heap.afterGcMiB") && !name.startsWith("simulators.");
            boolean flat = growth <= settings.maxGrowthPerHour() || (rows && slope * secondHours < settings.minRows());
            String kind;
            String verdict;
            boolean fails;
            if (name.startsWith("age[")) {
                // purging works when the oldest row that should go is never much older than keep plus the cron's minute
                boolean purged = name.startsWith("age[handoff ") ? !isKeptQueue(name.substring("age[handoff ".length(),
                        name.indexOf(' ', "age[handoff ".length()))) : true;
                double limit = settings.keep().toSeconds() + RETENTION_SLACK.toSeconds();
                double worst = java.util.Arrays.stream(y).max().orElse(0);
                kind = purged ? "retention: oldest row (s)" : "kept: oldest row (s)";
                if (!purged) {
                    verdict = "not purged (kept by design)";
                    fails = false;
                } else {
                    verdict = worst <= limit ? String.format("purged: at most %.0f s old (limit %.0f s)", worst, limit)
                            : String.format("NOT PURGED: %.0f s old, over keep + %d s = %.0f s", worst,
                            RETENTION_SLACK.toSeconds(), limit);
                    fails = worst > limit;
                }
                verdicts.add(new Verdict(name, kind, samples.get(0).values().getOrDefault(name, 0.0),
                        last.values().getOrDefault(name, 0.0), mean, slope, growth, verdict, fails));
                continue;
            }
            if (name.equals("heap.afterGcMiB")) {
                kind = "runtime heap";
                verdict = flat ? "flat" : "GROWS";
                fails = !flat;
            } else if (name.startsWith("simulators.")) {
                kind = "simulators (not judged)";
                verdict = flat ? "flat" : "grows (the simulators' own history)";
                fails = false;
            } else if (isHistory(name) && settings.length().compareTo(Duration.ofHours(2)) < 0) {
                kind = "console history (keep 1 h)";
                verdict = flat ? "flat" : "not judged: its keep (1 h) is longer than half the run";
                fails = false;
            } else if (isKept(name)) {
                kind = "kept by design";
                verdict = flat ? "flat" : String.format("grows with traffic: %.2f rows per order taken", ordersSecondHalf == 0
                        ? Double.NaN : (y[y.length - 1] - y[0]) / ordersSecondHalf);
                fails = !flat && settings.strict();
            } else {
                kind = "bounded";
                verdict = flat ? "flat" : "GROWS";
                fails = !flat;
            }
            verdicts.add(new Verdict(name, kind, samples.get(0).values().getOrDefault(name, 0.0),
                    last.values().getOrDefault(name, 0.0), mean, slope, growth, verdict, fails));
        }

        // traffic: the scenario made its demo rate (ticks are fixed-delay, so a slow simulator shows here) and the
        // runtime took the orders, despatched, pushed stock, in the second half
        Map<String, Object> traffic = new LinkedHashMap<>();
        List<String> stalls = new ArrayList<>();
        double expectedPicks = secondHours * 3600 * settings.speed() * DEMO_ORDERS_PER_TICK / DEMO_ORDER_INTERVAL.toSeconds();
        double picks = delta(mid, last, "traffic.picksCreated");
        traffic.put("picksCreatedSecondHalf", picks);
        traffic.put("picksExpectedSecondHalf", expectedPicks);
        if (picks < 0.5 * expectedPicks) {
            stalls.add(String.format("the scenario created %.0f picks in the second half, under half the %.0f its rate makes",
                    picks, expectedPicks));
        }
        for (String[] flow : new String[][] {{"table.order_lifecycle", "orders taken by the runtime"},
                {"traffic.ordersSentToPeoplevox", "orders sent to Peoplevox"}, {"table.despatch", "despatches"},
                {"traffic.channelUpdates", "stock levels pushed to the channel"},
                {"traffic.returnsReceived", "returns received"}}) {
            double d = delta(mid, last, flow[0]);
            traffic.put(flow[0].substring(flow[0].indexOf('.') + 1) + "SecondHalfPerHour", secondHours == 0 ? 0 : d / secondHours);
            if (d <= 0) {
                stalls.add("no " + flow[1] + " in the second half");
            }
        }
        double taken = delta(mid, last, "table.order_lifecycle");
        if (taken < 0.5 * picks) {
            stalls.add(String.format("the runtime took %.0f orders in the second half of the %.0f picks created", taken, picks));
        }
        traffic.put("totals", Map.of("picksCreated", last.values().getOrDefault("traffic.picksCreated", 0.0),
                "ordersTaken", last.values().getOrDefault("table.order_lifecycle", 0.0),
                "ordersSentToPeoplevox", last.values().getOrDefault("traffic.ordersSentToPeoplevox", 0.0),
                "despatches", last.values().getOrDefault("table.despatch", 0.0),
                "channelUpdates", last.values().getOrDefault("traffic.channelUpdates", 0.0),
                "returnsReceived", last.values().getOrDefault("traffic.returnsReceived", 0.0),
                "exceptionsDiscardedBySupport", supportDiscarded));

        System.out.printf("%n=== soak verdicts over the second half (%.1f to %.1f min); flat: slope under %.0f %% of the mean"
                        + " per hour, or under %d rows over the half%n", mid.seconds() / 60, last.seconds() / 60,
                100 * settings.maxGrowthPerHour(), settings.minRows());
        System.out.printf("| %-52s | %-26s | %10s | %10s | %12s | %9s | %s%n", "series", "kind", "start", "end",
                "slope/h", "growth/h", "verdict");
        System.out.printf("|%s|%s|%s|%s|%s|%s|%s%n", "-".repeat(54), "-".repeat(28), "-".repeat(12), "-".repeat(12),
                "-".repeat(14), "-".repeat(11), "-".repeat(30));
        for (Verdict v : verdicts) {
            System.out.printf("| %-52s | %-26s | %10.0f | %10.0f | %12.1f | %8.1f%% | %s%n", v.series(), v.kind(),
                    v.first(), v.last(), v.slopePerHour(), 100 * v.growthPerHour(), v.verdict());
        }
        System.out.printf("%ntraffic in the second half: %s%n", traffic);
        boolean heapFlat = verdicts.stream().noneMatch(v -> v.series().equals("heap.afterGcMiB") && v.fails());
        List<String> growing = verdicts.stream().filter(Verdict::fails).map(Verdict::series).toList();
        boolean passed = growing.isEmpty() && stalls.isEmpty();
        System.out.printf("heap %s; %s; traffic %s%n", heapFlat ? "flat" : "GROWS",
                growing.isEmpty() ? "nothing judged grows" : "GROWING: " + growing,
                stalls.isEmpty() ? "flowed" : "STALLED: " + stalls);
        System.out.println(passed ? "soak: PASSED" : "soak: FAILED");

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("passed", passed);
        figures.put("minutes", settings.minutes());
        figures.put("speed", settings.speed());
        figures.put("demoHours", settings.minutes() * settings.speed() / 60);
        figures.put("sampleSeconds", settings.sampleSeconds());
        figures.put("retentionKeepSeconds", settings.keep().toSeconds());
        figures.put("scaling", scaling);
        figures.put("maxGrowthPerHour", settings.maxGrowthPerHour());
        figures.put("minRows", settings.minRows());
        figures.put("support", settings.support());
        figures.put("strict", settings.strict());
        figures.put("database", settings.postgres() ? "postgresql" : "h2");
        figures.put("simulators", simulators.ownProcess() ? BenchSimulators.OWN_PROCESS : BenchSimulators.IN_PROCESS);
        figures.put("heapLimitMiB", BenchRuns.PeakHeap.limitMib());
        figures.put("heapAfterGcMiB", Map.of("first", samples.get(0).values().get("heap.afterGcMiB"),
                "secondHalfMean", verdicts.stream().filter(v -> v.series().equals("heap.afterGcMiB")).findFirst()
                        .map(Verdict::secondHalfMean).orElse(Double.NaN),
                "last", last.values().get("heap.afterGcMiB"),
                "max", samples.stream().mapToDouble(s -> s.values().get("heap.afterGcMiB")).max().orElse(0)));
        figures.put("traffic", traffic);
        figures.put("stalls", stalls);
        figures.put("growing", growing);
        figures.put("verdicts", verdicts);
        figures.put("samples", samples);
        BenchRuns.writeFigures("soak", figures);
        return passed ? 0 : 1;
    }

    private static boolean isHistory(String series) {
        return series.equals("table.api_call_minute") || series.equals("table.flow_backlog_minute");
    }

    /** Kept by design: the tables listed, and the hand-off rows of the queues that send records (not events or pushes). */
    private static boolean isKept(String series) {
        if (series.startsWith("table.")) {
            return KEPT_TABLES.contains(series.substring("table.".length()));
        }
        if (series.startsWith("handoff[")) {
            String queue = series.substring("handoff[".length(), series.lastIndexOf('/'));
            String status = series.substring(series.lastIndexOf('/') + 1, series.length() - 1);
            return isKeptQueue(queue) && Set.of("DONE", "SKIPPED", "SUPERSEDED").contains(status);
        }
        return false;
    }

    /** A queue that sends records (its settled rows are kept); the event queues and channel pushes are purged. */
    private static boolean isKeptQueue(String queue) {
        return !(queue.endsWith("-events") || queue.startsWith("stock-channel:"));
    }

    private static double delta(Sample from, Sample to, String series) {
        return to.values().getOrDefault(series, 0.0) - from.values().getOrDefault(series, 0.0);
    }

    /** Least-squares slope of y over t. */
    private static double slope(double[] t, double[] y) {
        int n = t.length;
        if (n < 2) {
            return 0;
        }
        double mt = java.util.Arrays.stream(t).average().orElse(0);
        double my = java.util.Arrays.stream(y).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (t[i] - mt) * (y[i] - my);
            den += (t[i] - mt) * (t[i] - mt);
        }
        return den == 0 ? 0 : num / den;
    }

    private static String readable(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
