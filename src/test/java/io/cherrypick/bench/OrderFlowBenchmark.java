package io.cherrypick.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.camel.CamelContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.cherrypick.CherrypickApplication;
import io.cherrypick.peoplevox.PeoplevoxProperties;
import io.cherrypick.support.EmbeddedPostgres;
import io.cherrypick.support.FreePort;
import io.cherrypick.support.Picks;
import io.cherrypick.support.Simulators;

/**
 * Pushes N pick tickets (1-5 lines each) through the order flow against the simulators and prints orders/s, CPU per
 * order, Peoplevox and Blue Cherry calls per order, pick-to-acknowledged latency (p50/p95, time a pick waited in
 * Cherrypick from being stored to Peoplevox's acknowledgement) and peak heap; then, in the same run, sends the same picks
 * the way a per-order connector does (one SaveData of the header and one of the lines per order, through the same
 * {@code mapping:sales-order} and {@code peoplevox:save}) and prints the ratio of calls and of time.
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.cherrypick.bench.OrderFlowBenchmark
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.cherrypick.bench.OrderFlowBenchmark \
 *        -Dexec.args="--orders=3000 --ratelimited"
 * </pre>
 * The simulators run in a JVM of their own ({@link BenchSimulators}; {@code -Dbench.simulators=in-process} keeps them in
 * the runtime's), so CPU and heap are the runtime's. {@code --postgres} runs the runtime on an embedded PostgreSQL server
 * (its own processes: its CPU is not counted) instead of H2; {@code --no-baseline} leaves the per-order baseline out (it
 * is always left out with {@code --ratelimited}: at two calls per order it would take an hour for 3,000 orders).
 * Peoplevox calls per order are printed against the minimum the row cap allows (cherrypick.peoplevox.max-rows-per-call:
 * headers and lines, each in calls of at most that many rows; 0.04 at 100 rows and 3 lines per order). With
 * {@code --ratelimited} the Peoplevox simulator refuses more than 15 requests per 15 s and Cherrypick paces itself; the
 * ceiling printed is what Cherrypick's budget (the limit less the safety margin) allows at that minimum. The catalogue's 500 items are recorded as
 * synced by the item flow (so orders need no item lookups); {@code --cold-catalogue} makes Cherrypick look them up.
 */
public final class OrderFlowBenchmark {
    public static void main(String[] args) throws Exception {
        int orders = intArg(args, "--orders", 10_000);
        List<String> flags = List.of(args);
        boolean rateLimited = flags.contains("--ratelimited");
        boolean postgres = flags.contains("--postgres");
        int port = FreePort.find();
        try (BenchSimulators simulators = BenchSimulators.start(port, rateLimited
                ? List.of("--cherrypick.simulator.peoplevox.rate-limit-enabled=true") : List.of())) {
            List<String> props = simulators.runtimeArgs(port);
            props.addAll(List.of(
                    "--cherrypick.flows.sales-order.pull-cron=0/1 * * * * ?",
                    "--cherrypick.flows.sales-order.send-interval=20"));
            if (rateLimited) {
                props.add("--spring.profiles.active=ratelimited");
            }
            if (postgres) {
                props.add("--spring.datasource.url=" + EmbeddedPostgres.newDatabaseUrl());
                props.add("--spring.datasource.username=postgres");
                props.add("--spring.datasource.password=postgres");
            }
            ConfigurableApplicationContext app = new SpringApplicationBuilder(CherrypickApplication.class)
                    .run(props.toArray(String[]::new));
            try {
                run(app, simulators, orders, new Options(rateLimited, flags.contains("--cold-catalogue"), postgres,
                        !rateLimited && !flags.contains("--no-baseline")));
            } finally {
                app.close();
            }
        }
    }

    private record Options(boolean rateLimited, boolean coldCatalogue, boolean postgres, boolean baseline) {
    }

    private static void run(ConfigurableApplicationContext app, BenchSimulators simulators, int orders, Options options)
            throws Exception {
        boolean rateLimited = options.rateLimited();
        Simulators sims = simulators.client();
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        CamelContext camel = app.getBean(CamelContext.class);
        sims.resetAll();

        List<String> catalogue = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            catalogue.add(io.cherrypick.gs1.Gs1.withCheckDigit(String.format("40000%06d", i)));
        }
        sims.seedPeoplevoxItems(catalogue);
        if (!options.coldCatalogue()) {
            // as after an item-master sync: Cherrypick knows these items exist in Peoplevox and does not look them up
            io.cherrypick.catalog.PeoplevoxItemCatalog known = app.getBean(io.cherrypick.catalog.PeoplevoxItemCatalog.class);
            catalogue.forEach(code -> known.remember(code, code, null, "SYNC"));
        }
        int lines = createPicks(sims, "B", orders, catalogue);
        sims.delete("/sim/peoplevox/_control/calls");
        sims.delete("/sim/bluecherry/_control/calls");
        System.out.printf("%n%d pick tickets (%d lines) waiting in Blue Cherry; starting the order flow%s (%s, %s,"
                + " heap limit %d MiB)%n", orders, lines, rateLimited ? " with the 15-per-15-s limit" : "",
                options.postgres() ? "PostgreSQL" : "H2", simulators.jvmCovers(), BenchRuns.PeakHeap.limitMib());

        BenchRuns.PeakHeap peakHeap = BenchRuns.PeakHeap.start();

        Instant start = Instant.now();
        long cpuAtStart = BenchRuns.cpuMillis();
        BenchRuns.startFlow(camel, "sales-order", Set.of());
        if (!BenchRuns.await(Duration.ofMinutes(30), Duration.ofMillis(100), () ->
                BenchRuns.count(jdbc, "select count(*) from order_lifecycle where state = 'ACKNOWLEDGED'")
                        + BenchRuns.count(jdbc, "select count(*) from handoff where status in ('HELD', 'FAILED')") >= orders)) {
            System.out.println("not every order was settled within 30 minutes; the figures cover those that were");
        }
        Duration took = Duration.between(start, Instant.now());
        long cpu = BenchRuns.cpuMillis() - cpuAtStart;
        int acknowledged = BenchRuns.count(jdbc, "select count(*) from order_lifecycle where state = 'ACKNOWLEDGED'");
        peakHeap.close();

        // read as OffsetDateTime by name: H2 and PostgreSQL return different types for a plain getObject
        List<Long> latencies = jdbc.query("select received_at, acknowledged_at from order_lifecycle where state = 'ACKNOWLEDGED'",
                (rs, n) -> Duration.between(rs.getObject("received_at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject("acknowledged_at", java.time.OffsetDateTime.class).toInstant()).toMillis())
                .stream().sorted().toList();
        int pvxCalls = sims.getList("/sim/peoplevox/_control/calls").size();
        List<String> failed = sims.getList("/sim/peoplevox/_control/calls").stream()
                .filter(c -> Integer.valueOf(-1).equals(c.get("responseId")) && "Authenticate".equals(c.get("operation")) == false)
                .map(c -> c.get("operation") + (c.get("template") == null ? "" : " " + c.get("template"))).toList();
        long refusals = failed.size();
        int bcCalls = sims.getList("/sim/bluecherry/_control/calls").size();
        double seconds = took.toMillis() / 1000.0;
        System.out.println();
        System.out.printf("orders acknowledged        %d of %d (held or failed: %d)%n", acknowledged, orders,
                jdbc.queryForObject("select count(*) from handoff where status in ('HELD', 'FAILED')", Integer.class));
        System.out.printf("time                       %.1f s%n", seconds);
        System.out.printf("throughput                 %.0f orders/s%n", acknowledged / seconds);
        System.out.printf("CPU (%s) %.1f s, %.2f ms per order%n", simulators.jvmCovers(), cpu / 1000.0,
                cpu / (double) Math.max(1, acknowledged));
        System.out.printf("Peoplevox calls            %d (%.4f per order), refused: %d %s%n", pvxCalls, pvxCalls / (double) orders,
                refusals, failed.isEmpty() ? "" : failed);
        System.out.printf("Blue Cherry calls          %d (%.4f per order)%n", bcCalls, bcCalls / (double) orders);
        System.out.printf("pick-to-acknowledged       p50 %d ms, p95 %d ms%n", percentile(latencies, 50), percentile(latencies, 95));
        System.out.printf("peak heap (%s) %d MiB of %d MiB%n", simulators.jvmCovers(), peakHeap.mib(),
                BenchRuns.PeakHeap.limitMib());
        PeoplevoxProperties pvx = app.getBean(PeoplevoxProperties.class);
        int cap = pvx.maxRowsPerCall();
        // the fewest calls the cap allows: every header and every line in full calls of `cap` rows
        double minimumPerOrder = (orders + lines) / (double) cap / orders;
        double perOrder = pvxCalls / (double) orders;
        System.out.printf("calls per order vs minimum %.4f against %.4f (%d-row cap, %.2f lines per order): %+.1f%%%n",
                perOrder, minimumPerOrder, cap, lines / (double) orders, 100 * (perOrder / minimumPerOrder - 1));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("orders", orders);
        figures.put("acknowledged", acknowledged);
        figures.put("seconds", seconds);
        figures.put("ordersPerSecond", acknowledged / seconds);
        figures.put("cpuMillisPerOrder", cpu / (double) Math.max(1, acknowledged));
        figures.put("peoplevoxCallsPerOrder", perOrder);
        figures.put("minimumCallsPerOrder", minimumPerOrder);
        figures.put("rowCap", cap);
        figures.put("peoplevoxRefusals", refusals);
        figures.put("blueCherryCallsPerOrder", bcCalls / (double) orders);
        figures.put("pickToAcknowledgedP50Millis", percentile(latencies, 50));
        figures.put("pickToAcknowledgedP95Millis", percentile(latencies, 95));
        figures.put("peakHeapMiB", peakHeap.mib());
        figures.put("heapLimitMiB", BenchRuns.PeakHeap.limitMib());
        figures.put("simulators", simulators.ownProcess() ? BenchSimulators.OWN_PROCESS : BenchSimulators.IN_PROCESS);
        figures.put("database", options.postgres() ? "postgresql" : "h2");
        if (rateLimited) {
            PeoplevoxProperties.RateLimit limit = pvx.rateLimit();
            double callsPerSecond = limit.budget() / (double) limit.period().toMillis() * 1000;
            double ceiling = callsPerSecond / minimumPerOrder;
            System.out.printf("rate-limit ceiling         %.1f orders/s (%d of the %d calls / %d s, %.4f calls per order);"
                    + " reached %.0f%%%n", ceiling, limit.budget(), limit.requests(), limit.period().toSeconds(),
                    minimumPerOrder, 100 * acknowledged / seconds / ceiling);
            figures.put("rateLimitCeilingOrdersPerSecond", ceiling);
            figures.put("shareOfCeiling", acknowledged / seconds / ceiling);
        }
        if (options.baseline()) {
            PerOrderBaseline.Result baseline = PerOrderBaseline.run(camel,
                    app.getBean(io.micrometer.core.instrument.MeterRegistry.class), sims, orders, catalogue);
            System.out.printf("per-order baseline         %d orders sent in %.1f s (%.0f orders/s), %d Peoplevox calls"
                    + " (%.2f per order), refused %d; CPU %.2f ms per order%n", baseline.saved(), baseline.seconds(),
                    baseline.saved() / baseline.seconds(), baseline.peoplevoxCalls(),
                    baseline.peoplevoxCalls() / (double) orders, baseline.refused(),
                    baseline.cpuMillis() / (double) Math.max(1, baseline.saved()));
            System.out.printf("batched against baseline   %.1f times fewer Peoplevox calls, %.2f times the baseline's time%n",
                    baseline.peoplevoxCalls() / (double) Math.max(1, pvxCalls), seconds / baseline.seconds());
            figures.put("baselineSeconds", baseline.seconds());
            figures.put("baselinePeoplevoxCallsPerOrder", baseline.peoplevoxCalls() / (double) orders);
            figures.put("baselineCpuMillisPerOrder", baseline.cpuMillis() / (double) Math.max(1, baseline.saved()));
            figures.put("baselineRefused", baseline.refused());
            figures.put("callsRatioBaselineToBatched", baseline.peoplevoxCalls() / (double) Math.max(1, pvxCalls));
            figures.put("timeRatioBatchedToBaseline", seconds / baseline.seconds());
        }
        String name = (rateLimited ? "orders-ratelimited" : "orders") + (options.postgres() ? "-postgres" : "");
        BenchRuns.writeFigures(name, figures);
    }

    /**
     * Creates {@code orders} pick tickets numbered {@code prefix}0, 1, ... in the Blue Cherry simulator, 1-5 lines each
     * from the catalogue (seeded: every call with the same count makes the same picks); returns the number of lines.
     */
    static int createPicks(Simulators sims, String prefix, int orders, List<String> catalogue) {
        SplittableRandom random = new SplittableRandom(42);
        int lines = 0;
        for (int start = 0; start < orders; start += 500) {
            List<Map<String, Object>> chunk = new ArrayList<>();
            for (int i = start; i < Math.min(orders, start + 500); i++) {
                String[] upcs = new String[1 + random.nextInt(5)];
                for (int l = 0; l < upcs.length; l++) {
                    upcs[l] = catalogue.get(random.nextInt(catalogue.size()));
                }
                lines += upcs.length;
                chunk.add(Picks.pick(prefix + i, random.nextBoolean() ? "NJ" : "LDN", upcs));
            }
            sims.createPicks(chunk);
        }
        return lines;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return Integer.parseInt(a.substring(name.length() + 1));
            }
        }
        return fallback;
    }
}
