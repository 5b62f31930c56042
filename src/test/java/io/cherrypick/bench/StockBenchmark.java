package io.cherrypick.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.cherrypick.CherrypickApplication;
import io.cherrypick.flow.stock.StockProperties;
import io.cherrypick.gs1.Gs1;
import io.cherrypick.support.FreePort;
import io.cherrypick.support.Simulators;

/**
 * Posts AvailabilityChanges to the webhook the way Peoplevox does (form body, token) at a steady rate for random SKUs and
 * prints the event-to-channel latency (p50/p99: from posting the event to the channel simulator receiving a level
 * observed at or after it; target p99 &lt;= 1 s at 200 events/s, &lt;= 2 s at 2,000 events/s) and the Blue Cherry calls
 * per 1,000 events (target &lt;= 5). Every event carries a new level, so every push carries a change.
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.cherrypick.bench.StockBenchmark
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.cherrypick.bench.StockBenchmark \
 *        -Dexec.args="--rate=2000 --seconds=30 --skus=500 --bc-every=10"
 * </pre>
 * Blue Cherry's batch runs every {@code --bc-every} seconds (default 10, far more often than the production 15 minutes,
 * so the run shows what one batch costs); the figure per 1,000 events at 15 minutes is printed too. The simulators run
 * in a JVM of their own ({@link BenchSimulators}; {@code -Dbench.simulators=in-process} keeps them in the runtime's).
 * Figures go to target/bench/stock.json (stock-{rate}.json at another rate than 200). {@code -Dbench.warmup=N} posts
 * at the same rate for N seconds first, not measured, then waits 15 s: the latencies of a runtime past its start-up.
 */
public final class StockBenchmark {
    private static final String TOKEN = "bench-token";

    public static void main(String[] args) throws Exception {
        int rate = intArg(args, "--rate", 200);
        int seconds = intArg(args, "--seconds", 60);
        int skuCount = intArg(args, "--skus", 500);
        int bcEvery = intArg(args, "--bc-every", 10);
        int port = FreePort.find();
        // the channel simulator keeps every update the run makes, for the latencies
        String history = "--cherrypick.simulator.channel.history-limit=" + Math.max(100_000, 2 * rate * seconds);
        try (BenchSimulators simulators = BenchSimulators.start(port, List.of(history))) {
            List<String> props = simulators.runtimeArgs(port);
            props.addAll(List.of(
                    "--cherrypick.flows.despatch.enabled=false",
                    "--cherrypick.flows.stock.enabled=true",
                    "--cherrypick.flows.stock.blue-cherry-cron=0/" + bcEvery + " * * * * ?",
                    "--cherrypick.webhooks.token=" + TOKEN,
                    history));
            ConfigurableApplicationContext app = new SpringApplicationBuilder(CherrypickApplication.class)
                    .run(props.toArray(String[]::new));
            try {
                run(port, simulators, app.getBean(StockProperties.class).channelWindow(), rate, seconds, skuCount, bcEvery);
            } finally {
                app.close();
            }
        }
    }

    private record Sent(String sku, Instant at) {
    }

    private static void run(int port, BenchSimulators simulators, Duration window, int rate, int seconds, int skuCount,
                            int bcEvery) throws Exception {
        Simulators sims = simulators.client();
        sims.resetAll();
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < skuCount; i++) {
            skus.add(Gs1.withCheckDigit(String.format("5000%07d", i)));
        }
        List<Map<String, Object>> styles = new ArrayList<>();
        for (int s = 0; s * 50 < skus.size(); s++) {
            List<Map<String, Object>> sizes = new ArrayList<>();
            for (int i = s * 50; i < Math.min(skus.size(), s * 50 + 50); i++) {
                sizes.add(Map.of("color_code", "BLK", "lbl_code", "", "dimension", "", "size_desc", "S" + i,
                        "upc", skus.get(i), "ean", ""));
            }
            styles.add(Map.of("style", String.format("B%04d", s), "style_name", "Bench " + s, "styledetail",
                    Map.of("rows", List.of(Map.of("division", "01", "season", "CORE", "stylecolorsizes",
                            Map.of("rows-i", sizes))))));
        }
        sims.post("/sim/bluecherry/_control/styles", styles);
        sims.post("/sim/channel/_control/reset", Map.of());

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI webhook = URI.create("http://localhost:" + port + "/webhooks/peoplevox/" + TOKEN + "/AvailabilityChanges");
        // warm-up: the first event reads Blue Cherry's styles; not measured
        post(http, webhook, skus.get(0), 0, Instant.now()).join();
        BenchRuns.await(Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> ((Number) sims.get("/sim/channel/_control/state").get("updates")).intValue() >= 1);
        int warmup = Integer.getInteger("bench.warmup", 0);
        if (warmup > 0) {
            // steady state: the same rate for a while first, not measured (the JIT compiles the paths the events take;
            // without it the first 20-odd seconds are a backlog the runtime catches up with, and they make the p99)
            SplittableRandom warmRandom = new SplittableRandom(7);
            long warmStart = System.nanoTime();
            for (int i = 0; i < rate * warmup; i++) {
                long wait = warmStart + i * (1_000_000_000L / rate) - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                post(http, webhook, skus.get(warmRandom.nextInt(skus.size())), 1_000_000 + i,
                        Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            }
            LockSupport.parkNanos(15_000_000_000L); // the warm-up's backlog drains
        }
        sims.post("/sim/channel/_control/reset", Map.of());
        sims.delete("/sim/bluecherry/_control/calls");

        int total = rate * seconds;
        System.out.printf("%nposting %d AvailabilityChanges for %d SKUs at %d/s (%d s); channel window %s; Blue Cherry"
                + " batch every %d s; %s%n", total, skuCount, rate, seconds,
                window.isZero() ? "adaptive (a push at once, coalescing while one is in flight)" : window.toMillis() + " ms",
                bcEvery, simulators.jvmCovers());
        BenchRuns.PeakHeap peakHeap = BenchRuns.PeakHeap.start();
        long cpuAtStart = BenchRuns.cpuMillis();
        SplittableRandom random = new SplittableRandom(42);
        List<Sent> sent = new ArrayList<>(total);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>(total);
        long periodNanos = 1_000_000_000L / rate;
        long startNanos = System.nanoTime();
        Instant started = Instant.now();
        for (int i = 0; i < total; i++) {
            long due = startNanos + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String sku = skus.get(random.nextInt(skus.size()));
            Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as stored, and more than Peoplevox gives
            sent.add(new Sent(sku, at));
            answers.add(post(http, webhook, sku, 1 + i, at)); // every event a new level
        }
        Duration posting = Duration.between(started, Instant.now());
        // an event the webhook did not take (an error status, or no answer: an overloaded runtime) counts as refused
        long refused = answers.stream().map(a -> a.handle((r, failure) -> failure == null ? r.statusCode() : -1).join())
                .filter(status -> status != 200).count();
        // the last windows close: every SKU's last level reaches the channel (or a minute passes, and the figures say so)
        Map<String, Instant> lastSent = new HashMap<>();
        sent.forEach(e -> lastSent.merge(e.sku(), e.at(), (a, b) -> a.isAfter(b) ? a : b));
        BenchRuns.await(Duration.ofMinutes(1), Duration.ofMillis(500), () -> lastLevelsArrived(sims, lastSent));
        int bcPosts = sims.getList("/sim/bluecherry/_control/calls?path=PhysicalInventoryTM&method=POST").size();
        long cpu = BenchRuns.cpuMillis() - cpuAtStart;
        peakHeap.close();

        // latency: from posting an event to the channel receiving a level of that SKU observed at or after it
        Map<String, TreeMap<Instant, Instant>> received = new HashMap<>();
        for (Map<String, Object> u : sims.getList("/sim/channel/_control/updates")) {
            received.computeIfAbsent((String) u.get("sku"), k -> new TreeMap<>())
                    .merge(Instant.parse((String) u.get("observedAt")), Instant.parse((String) u.get("receivedAt")),
                            (a, b) -> a.isBefore(b) ? a : b);
        }
        List<Long> latencies = new ArrayList<>();
        for (Sent s : sent) {
            TreeMap<Instant, Instant> bySku = received.get(s.sku());
            Map.Entry<Instant, Instant> first = bySku == null ? null : bySku.ceilingEntry(s.at());
            if (first != null) {
                latencies.add(Duration.between(s.at(), first.getValue()).toMillis());
            }
        }
        latencies.sort(Long::compareTo);
        Map<String, Object> channel = sims.get("/sim/channel/_control/state");
        System.out.println();
        System.out.printf("events posted              %d in %.1f s (%.0f/s), refused: %d%n", total, posting.toMillis() / 1000.0,
                total / (posting.toMillis() / 1000.0), refused);
        System.out.printf("reached the channel        %d of %d events%n", latencies.size(), total);
        long target = rate > 200 ? 2000 : 1000;
        System.out.printf("event -> channel latency   p50 %d ms, p99 %d ms, max %d ms (target p99 <= %d ms)%n",
                percentile(latencies, 50), percentile(latencies, 99), latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1),
                target);
        System.out.printf("channel                    %s updates in %s calls%n", channel.get("updates"), channel.get("calls"));
        System.out.printf("Blue Cherry calls          %d PhysicalInventoryTM POSTs = %.2f per 1,000 events (target <= 5)%n",
                bcPosts, 1000.0 * bcPosts / total);
        System.out.printf("  at the default 15 min    one POST per batch of up to 1,000 SKU x locations: %.3f per 1,000 events"
                + " at %d events/s%n", 1000.0 / (rate * 900.0), rate);
        System.out.printf("CPU (%s) %.1f s, %.3f ms per event; peak heap %d MiB of %d MiB%n", simulators.jvmCovers(),
                cpu / 1000.0, cpu / (double) total, peakHeap.mib(), BenchRuns.PeakHeap.limitMib());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("eventsPerSecondAsked", rate);
        figures.put("warmupSeconds", warmup);
        figures.put("eventsPosted", total);
        figures.put("eventsPerSecondPosted", total / (posting.toMillis() / 1000.0));
        figures.put("refused", refused);
        figures.put("skus", skuCount);
        figures.put("channelWindowMillis", window.toMillis());
        figures.put("reachedChannel", latencies.size());
        figures.put("latencyP50Millis", percentile(latencies, 50));
        figures.put("latencyP99Millis", percentile(latencies, 99));
        figures.put("latencyMaxMillis", latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1));
        figures.put("latencyTargetP99Millis", target);
        figures.put("channelUpdates", channel.get("updates"));
        figures.put("channelCalls", channel.get("calls"));
        figures.put("blueCherryPostsPer1000Events", 1000.0 * bcPosts / total);
        figures.put("cpuMillisPerEvent", cpu / (double) total);
        figures.put("peakHeapMiB", peakHeap.mib());
        figures.put("heapLimitMiB", BenchRuns.PeakHeap.limitMib());
        figures.put("simulators", simulators.ownProcess() ? BenchSimulators.OWN_PROCESS : BenchSimulators.IN_PROCESS);
        BenchRuns.writeFigures(rate == 200 ? "stock" : "stock-" + rate, figures);
    }

    /** Whether the channel received, for every SKU, a level observed at or after the last event posted for it. */
    private static boolean lastLevelsArrived(Simulators sims, Map<String, Instant> lastSent) {
        Map<String, Instant> newest = new HashMap<>();
        for (Map<String, Object> u : sims.getList("/sim/channel/_control/updates")) {
            newest.merge((String) u.get("sku"), Instant.parse((String) u.get("observedAt")), (a, b) -> a.isAfter(b) ? a : b);
        }
        return lastSent.entrySet().stream().allMatch(e -> newest.containsKey(e.getKey())
                && !newest.get(e.getKey()).isBefore(e.getValue()));
    }

    private static CompletableFuture<HttpResponse<String>> post(HttpClient http, URI webhook, String sku, int level, Instant at) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ItemCode", sku);
        form.put("Available", Integer.toString(level));
        form.put("SiteReference", "PrimarySite");
        form.put("OnHand", Integer.toString(level + 1));
        form.put("Allocated", "1");
        form.put("LastModificationTime", at.toString());
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.sendAsync(HttpRequest.newBuilder(webhook).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
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
