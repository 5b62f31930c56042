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
import io.cherrypick.flow.item.Styles;
import io.cherrypick.support.FreePort;
import io.cherrypick.support.Simulators;

/**
 * A first item sync of N SKUs (default 50,000: styles of 2-6 colours x 4-10 sizes) from the Blue Cherry simulator to
 * the Peoplevox simulator through the item flow's routes, then a second sync after every style was touched in Blue
 * Cherry with nothing changed. Prints Peoplevox calls (target for 50,000 SKUs: at most 510, i.e. full SaveData calls of
 * 100 rows) and time for each, and checks that the second sync makes no SaveData call.
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.cherrypick.bench.ItemSyncBenchmark
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.cherrypick.bench.ItemSyncBenchmark \
 *        -Dexec.args="--skus=5000 --ratelimited"
 * </pre>
 * The simulators run in a JVM of their own ({@link BenchSimulators}; {@code -Dbench.simulators=in-process} keeps them in
 * the runtime's); figures also go to target/bench/items.json. With {@code --ratelimited} the Peoplevox simulator refuses more than 15 requests per 15 s and Cherrypick paces
 * itself; without it, the time printed is Cherrypick's and the simulators' own work, and the paced time is about one
 * second per call.
 */
public final class ItemSyncBenchmark {
    private static final Duration POLL = Duration.ofMillis(200);

    public static void main(String[] args) throws Exception {
        int skus = intArg(args, "--skus", 50_000);
        boolean rateLimited = List.of(args).contains("--ratelimited");
        int port = FreePort.find();
        int exit;
        try (BenchSimulators simulators = BenchSimulators.start(port, rateLimited
                ? List.of("--cherrypick.simulator.peoplevox.rate-limit-enabled=true") : List.of())) {
            List<String> props = simulators.runtimeArgs(port);
            props.addAll(List.of(
                    "--cherrypick.flows.despatch.enabled=false",
                    "--cherrypick.flows.item.enabled=false",
                    "--cherrypick.flows.item.pull-cron=0/1 * * * * ?",
                    "--cherrypick.flows.item.send-interval=20"));
            if (rateLimited) {
                props.add("--spring.profiles.active=ratelimited");
            }
            ConfigurableApplicationContext app = new SpringApplicationBuilder(CherrypickApplication.class)
                    .run(props.toArray(String[]::new));
            try {
                exit = run(app, simulators, skus, rateLimited) ? 0 : 1;
            } finally {
                app.close();
            }
        }
        System.exit(exit);
    }

    private static boolean run(ConfigurableApplicationContext app, BenchSimulators simulators, int skus, boolean rateLimited)
            throws Exception {
        Simulators sims = simulators.client();
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        CamelContext camel = app.getBean(CamelContext.class);
        sims.resetAll();

        List<Map<String, Object>> styles = catalogue(skus);
        postStyles(sims, styles);
        sims.delete("/sim/peoplevox/_control/calls");
        System.out.printf("%n%d styles, %d SKUs waiting in Blue Cherry; starting the item flow%n", styles.size(), skus);

        BenchRuns.PeakHeap peakHeap = BenchRuns.PeakHeap.start();
        long cpuAtStart = BenchRuns.cpuMillis();
        Instant start = Instant.now();
        // all but the nightly drift check, whose reading of every item would count as a call
        BenchRuns.startFlow(camel, "item", Set.of("item-drift-check"));
        boolean synced = BenchRuns.await(Duration.ofMinutes(60), POLL, () -> BenchRuns.count(jdbc,
                "select count(*) from pvx_item where source = 'SYNC'") >= skus && queueEmpty(jdbc, styles.size()));
        Duration first = Duration.between(start, Instant.now());
        Calls firstCalls = calls(sims);
        int items = BenchRuns.count(jdbc, "select count(*) from pvx_item where source = 'SYNC'");
        int inPeoplevox = ((List<?>) sims.get("/sim/peoplevox/_control/state").get("items")).size();
        int exceptions = BenchRuns.count(jdbc, "select count(*) from integration_exception where status = 'OPEN'");

        // every style touched in Blue Cherry (last_mod moves on), nothing changed
        sims.delete("/sim/peoplevox/_control/calls");
        Instant touched = Instant.now();
        postStyles(sims, styles);
        boolean resynced = BenchRuns.await(Duration.ofMinutes(30), POLL, () -> queueEmpty(jdbc, 2 * styles.size()));
        Duration second = Duration.between(touched, Instant.now());
        Calls secondCalls = calls(sims);
        long cpu = BenchRuns.cpuMillis() - cpuAtStart;
        peakHeap.close();

        System.out.println();
        System.out.printf("first sync                 %d of %d SKUs remembered, %d items in Peoplevox, open exceptions %d%s%n",
                items, skus, inPeoplevox, exceptions, synced ? "" : " (TIMED OUT)");
        System.out.printf("  Peoplevox calls          %d (SaveData %d carrying %d rows, other %d), %.4f per SKU; target <= %d%n",
                firstCalls.total, firstCalls.saveData, firstCalls.rows, firstCalls.total - firstCalls.saveData,
                firstCalls.total / (double) skus, skus / 100 + 10);
        System.out.printf("  by operation             %s%n", firstCalls.byOperation);
        System.out.printf("  time                     %.1f s (%.0f SKUs/s); paced at 15 calls / 15 s it would be about %d s%n",
                first.toMillis() / 1000.0, skus / (first.toMillis() / 1000.0), firstCalls.total);
        System.out.printf("second sync, no change     %d styles pulled again%s%n", styles.size(), resynced ? "" : " (TIMED OUT)");
        System.out.printf("  Peoplevox calls          %d (SaveData %d) %s%n", secondCalls.total, secondCalls.saveData,
                secondCalls.byOperation);
        System.out.printf("  time                     %.1f s%n", second.toMillis() / 1000.0);
        System.out.printf("CPU (%s) %.1f s over both syncs; peak heap %d MiB of %d MiB%n", simulators.jvmCovers(),
                cpu / 1000.0, peakHeap.mib(), BenchRuns.PeakHeap.limitMib());
        boolean ok = synced && resynced && items == skus && firstCalls.total <= skus / 100 + 10 && secondCalls.saveData == 0;
        System.out.println(ok ? "RESULT: OK" : "RESULT: NOT MET");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("skus", skus);
        figures.put("styles", styles.size());
        figures.put("firstSyncSeconds", first.toMillis() / 1000.0);
        figures.put("firstSyncPeoplevoxCalls", firstCalls.total);
        figures.put("firstSyncSaveDataCalls", firstCalls.saveData);
        figures.put("firstSyncRemembered", items);
        figures.put("resyncSeconds", second.toMillis() / 1000.0);
        figures.put("resyncPeoplevoxCalls", secondCalls.total);
        figures.put("resyncSaveDataCalls", secondCalls.saveData);
        figures.put("cpuSeconds", cpu / 1000.0);
        figures.put("peakHeapMiB", peakHeap.mib());
        figures.put("heapLimitMiB", BenchRuns.PeakHeap.limitMib());
        figures.put("simulators", simulators.ownProcess() ? BenchSimulators.OWN_PROCESS : BenchSimulators.IN_PROCESS);
        figures.put("met", ok);
        BenchRuns.writeFigures(rateLimited ? "items-ratelimited" : "items", figures);
        return ok;
    }

    /** Styles of 2-6 colours x 4-10 sizes (seeded), the last one cut to make exactly {@code skus}. */
    static List<Map<String, Object>> catalogue(int skus) {
        SplittableRandom random = new SplittableRandom(7);
        List<String> colours = List.of("BLK", "WHT", "NVY", "RED", "GRN", "GRY");
        List<String> sizes = List.of("XXS", "XS", "S", "M", "L", "XL", "XXL", "3XL", "4XL", "5XL");
        List<Map<String, Object>> styles = new ArrayList<>();
        int made = 0;
        for (int n = 0; made < skus; n++) {
            int c = 2 + random.nextInt(5);
            int s = 4 + random.nextInt(7);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int ci = 0; ci < c && made < skus; ci++) {
                for (int si = 0; si < s && made < skus; si++) {
                    Map<String, Object> row = Styles.sku(colours.get(ci), sizes.get(si), Styles.upc(40_000 + n / 1000, (n % 1000) * 100 + rows.size()));
                    row.put("retail_price", 20 + si);
                    rows.add(row);
                    made++;
                }
            }
            styles.add(Styles.style(String.format("B%05d", n), rows));
        }
        return styles;
    }

    private static void postStyles(Simulators sims, List<Map<String, Object>> styles) {
        for (int i = 0; i < styles.size(); i += 200) {
            sims.post("/sim/bluecherry/_control/styles", styles.subList(i, Math.min(styles.size(), i + 200)));
        }
    }

    private record Calls(int total, int saveData, int rows, Map<String, Long> byOperation) {
    }

    private static Calls calls(Simulators sims) {
        List<Map<String, Object>> calls = sims.getList("/sim/peoplevox/_control/calls");
        List<Map<String, Object>> saves = calls.stream().filter(c -> "SaveData".equals(c.get("operation"))).toList();
        int rows = saves.stream().mapToInt(c -> c.get("rows") == null ? 0 : ((Number) c.get("rows")).intValue()).sum();
        Map<String, Long> byOperation = calls.stream().collect(java.util.stream.Collectors.groupingBy(
                c -> c.get("operation") + (c.get("template") == null ? "" : " " + c.get("template")),
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        return new Calls(calls.size(), saves.size(), rows, byOperation);
    }

    /** Every style revision pulled and settled (none pending or claimed). */
    private static boolean queueEmpty(JdbcTemplate jdbc, int revisions) {
        return BenchRuns.count(jdbc, "select count(*) from handoff where queue = 'item'") >= revisions
                && BenchRuns.count(jdbc, "select count(*) from handoff where queue = 'item' and status in ('PENDING', 'CLAIMED')") == 0;
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
