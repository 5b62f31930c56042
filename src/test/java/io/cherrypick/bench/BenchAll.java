package io.cherrypick.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.support.AppProcess;

/**
 * Runs every benchmark, one after the other, each in a JVM of its own (with its simulators in yet another, unless
 * {@code -Dbench.simulators=in-process}), then prints one summary table from the figures they wrote to
 * target/bench/*.json.
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.cherrypick.bench.BenchAll
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.cherrypick.bench.BenchAll \
 *        -Dexec.args="--quick --xmx=512m"
 * </pre>
 * {@code --xmx=} sets each benchmark JVM's heap (with the simulators in their own JVM, the runtime's own heap; default
 * 512m); {@code --quick} runs each with small numbers, to check that they work (minutes, not figures);
 * {@code --only=orders,stock} runs the named ones only.
 */
public final class BenchAll {
    /** One benchmark run: its name, main class, arguments (full and quick) and the JSON it writes. */
    private record Run(String name, Class<?> main, List<String> full, List<String> quick, String json) {
    }

    private static final List<Run> RUNS = List.of(
            new Run("orders", OrderFlowBenchmark.class, List.of("--orders=20000"), List.of("--orders=300"), "orders"),
            new Run("orders-ratelimited", OrderFlowBenchmark.class, List.of("--orders=3000", "--ratelimited"),
                    List.of("--orders=100", "--ratelimited"), "orders-ratelimited"),
            new Run("orders-postgres", OrderFlowBenchmark.class, List.of("--orders=20000", "--postgres"),
                    List.of("--orders=300", "--postgres"), "orders-postgres"),
            new Run("items", ItemSyncBenchmark.class, List.of("--skus=50000"), List.of("--skus=2000"), "items"),
            new Run("stock", StockBenchmark.class, List.of("--rate=200", "--seconds=60"),
                    List.of("--rate=200", "--seconds=10", "--skus=100"), "stock"),
            new Run("stock-2000", StockBenchmark.class, List.of("--rate=2000", "--seconds=30"),
                    List.of("--rate=2000", "--seconds=5", "--skus=100"), "stock-2000"),
            new Run("inbound", InboundBenchmark.class, List.of(), List.of("--purchase-orders=20", "--lines=3"), "inbound"),
            new Run("startup", StartupBenchmark.class, List.of(), List.of(), "startup"));

    /** The summary's rows: per benchmark, a label and the JSON field it shows. */
    private static final Map<String, List<String[]>> SUMMARY = Map.of(
            "orders", List.of(new String[] {"orders/s", "ordersPerSecond"}, new String[] {"CPU ms/order", "cpuMillisPerOrder"},
                    new String[] {"Peoplevox calls/order", "peoplevoxCallsPerOrder"},
                    new String[] {"minimum the cap allows", "minimumCallsPerOrder"},
                    new String[] {"baseline calls / batched", "callsRatioBaselineToBatched"},
                    new String[] {"batched time / baseline", "timeRatioBatchedToBaseline"},
                    new String[] {"peak heap MiB", "peakHeapMiB"}),
            "orders-ratelimited", List.of(new String[] {"share of the ceiling", "shareOfCeiling"},
                    new String[] {"refusals", "peoplevoxRefusals"}),
            "orders-postgres", List.of(new String[] {"orders/s", "ordersPerSecond"},
                    new String[] {"CPU ms/order", "cpuMillisPerOrder"}, new String[] {"peak heap MiB", "peakHeapMiB"}),
            "items", List.of(new String[] {"first sync s", "firstSyncSeconds"},
                    new String[] {"first sync calls", "firstSyncPeoplevoxCalls"}, new String[] {"resync s", "resyncSeconds"},
                    new String[] {"resync SaveData", "resyncSaveDataCalls"}, new String[] {"peak heap MiB", "peakHeapMiB"}),
            "stock", List.of(new String[] {"p99 ms", "latencyP99Millis"}, new String[] {"p50 ms", "latencyP50Millis"},
                    new String[] {"BC calls/1,000 events", "blueCherryPostsPer1000Events"},
                    new String[] {"peak heap MiB", "peakHeapMiB"}),
            "stock-2000", List.of(new String[] {"events/s posted", "eventsPerSecondPosted"},
                    new String[] {"p99 ms", "latencyP99Millis"}, new String[] {"BC calls/1,000 events", "blueCherryPostsPer1000Events"}),
            "inbound", List.of(new String[] {"out s", "out.seconds"}, new String[] {"back s", "back.seconds"}),
            "startup", List.of(new String[] {"health UP s", "healthUpSeconds"}, new String[] {"first pull s", "firstPullSeconds"}));

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        String xmx = option(args, "--xmx", "512m");
        String only = option(args, "--only", null);
        List<String> results = new ArrayList<>();
        for (Run run : RUNS) {
            if (only != null && !List.of(only.split(",")).contains(run.name())) {
                continue;
            }
            Path json = Path.of("target", "bench", run.json() + ".json");
            Files.deleteIfExists(json);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + xmx, "-D" + BenchSimulators.PROPERTY + "=" + System.getProperty(BenchSimulators.PROPERTY,
                            BenchSimulators.OWN_PROCESS), "-cp", AppProcess.testClassPath(), run.main().getName()));
            command.addAll(quick ? run.quick() : run.full());
            System.out.printf("%n=== %s: %s %s (-Xmx%s)%n", run.name(), run.main().getSimpleName(),
                    String.join(" ", quick ? run.quick() : run.full()), xmx);
            int exit = new ProcessBuilder(command).directory(new File(System.getProperty("user.dir"))).inheritIO().start()
                    .waitFor();
            results.add(summary(run, json, exit));
        }
        System.out.printf("%n=== summary (%s, heap -Xmx%s per benchmark JVM, simulators %s)%n", quick ? "quick" : "full", xmx,
                System.getProperty(BenchSimulators.PROPERTY, BenchSimulators.OWN_PROCESS));
        System.out.printf("| %-19s | %-4s | %s |%n", "benchmark", "exit", "figures");
        System.out.printf("|%s|%s|%s|%n", "-".repeat(21), "-".repeat(6), "-".repeat(60));
        results.forEach(System.out::println);
    }

    private static String summary(Run run, Path json, int exit) throws Exception {
        String figures;
        if (!Files.exists(json)) {
            figures = "no figures written (see its output above)";
        } else {
            com.fasterxml.jackson.databind.JsonNode node = new ObjectMapper().readTree(json.toFile());
            List<String> shown = new ArrayList<>();
            for (String[] row : SUMMARY.get(run.name())) {
                com.fasterxml.jackson.databind.JsonNode value = node.at("/" + row[1].replace('.', '/'));
                if (!value.isMissingNode() && !value.isNull()) {
                    shown.add(row[0] + " " + (value.isFloatingPointNumber() ? String.format("%.3g", value.asDouble())
                            : value.asText()));
                }
            }
            figures = String.join("; ", shown);
        }
        return String.format("| %-19s | %-4d | %s |", run.name(), exit, figures);
    }

    private static String option(String[] args, String name, String fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return fallback;
    }
}
