package io.cherrypick.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cherrypick.support.AppProcess;
import io.cherrypick.support.FreePort;
import io.cherrypick.support.Simulators;

/**
 * How long after launch the order flow's first pull starts (target &lt;= 10 s): the simulators run in a JVM of their own
 * with 100 pick tickets waiting; the runtime is launched as production runs it (a JVM of its own, -Xmx512m, a fresh H2
 * file database, so its Flyway migrations are part of the start), every flow on with its default schedule; the time is
 * from the launch of the runtime's JVM to the first {@code GET /api/pick} in the Blue Cherry simulator's call log.
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.cherrypick.bench.StartupBenchmark
 * </pre>
 * {@code --pull-cron="..."} replaces the order pull's schedule (default {@code 0/10 * * * * ?}: the first pull waits for
 * the next whole ten seconds after the routes start, up to 10 s of the figure). Figures go to target/bench/startup.json.
 */
public final class StartupBenchmark {
    public static void main(String[] args) throws Exception {
        String pullCron = stringArg(args, "--pull-cron", null);
        int simulatorPort = FreePort.find();
        try (AppProcess sims = AppProcess.startSimulators(simulatorPort, List.of("--logging.level.io.cherrypick=WARN"))) {
            Simulators control = new Simulators(simulatorPort);
            control.resetAll();
            List<String> catalogue = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                catalogue.add(io.cherrypick.gs1.Gs1.withCheckDigit(String.format("40000%06d", i)));
            }
            control.seedPeoplevoxItems(catalogue);
            OrderFlowBenchmark.createPicks(control, "S", 100, catalogue);
            control.delete("/sim/bluecherry/_control/calls");

            String simulators = "http://localhost:" + simulatorPort;
            List<String> runtimeArgs = new ArrayList<>(List.of("--cherrypick.simulator.enabled=false",
                    "--cherrypick.peoplevox.base-url=" + simulators + "/sim/peoplevox",
                    "--cherrypick.bluecherry.base-url=" + simulators + "/sim/bluecherry",
                    "--cherrypick.flows.stock.channels.web.url=" + simulators + "/sim/channel/stock-levels",
                    "--cherrypick.simulator.scenario.enabled=false"));
            if (pullCron != null) {
                runtimeArgs.add("--cherrypick.flows.sales-order.pull-cron=" + pullCron);
            }
            System.out.printf("%nlaunching the runtime (own JVM, -Xmx512m, fresh H2 database), order pull %s%n",
                    pullCron == null ? "on its default schedule" : "at " + pullCron);
            int port = FreePort.find();
            try (AppProcess runtime = AppProcess.launch("runtime", port, runtimeArgs)) {
                runtime.awaitUp(Duration.ofMinutes(3));
                Duration up = Duration.between(runtime.launchedAt(), Instant.now());
                boolean pulled = BenchRuns.await(Duration.ofMinutes(2), Duration.ofMillis(100),
                        () -> firstPull(control).isPresent());
                Duration firstPull = firstPull(control).map(at -> Duration.between(runtime.launchedAt(), at)).orElse(null);
                System.out.println();
                System.out.printf("health UP after            %.1f s (polled every 0.5 s)%n", up.toMillis() / 1000.0);
                System.out.printf("first pull after launch    %s (target <= 10 s)%n",
                        pulled ? String.format("%.1f s", firstPull.toMillis() / 1000.0) : "none within 2 minutes");
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("healthUpSeconds", up.toMillis() / 1000.0);
                figures.put("firstPullSeconds", pulled ? firstPull.toMillis() / 1000.0 : null);
                figures.put("pullCron", pullCron == null ? "default" : pullCron);
                BenchRuns.writeFigures("startup", figures);
            }
        }
    }

    /** When the Blue Cherry simulator was first asked for pick tickets, if it was. */
    private static Optional<Instant> firstPull(Simulators sims) {
        return sims.getList("/sim/bluecherry/_control/calls").stream()
                .filter(c -> "GET".equals(c.get("method")) && String.valueOf(c.get("path")).startsWith("/api/pick"))
                .map(c -> Instant.parse((String) c.get("at"))).min(Instant::compareTo);
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return fallback;
    }
}
