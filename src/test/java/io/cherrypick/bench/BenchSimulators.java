package io.cherrypick.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.cherrypick.support.AppProcess;
import io.cherrypick.support.FreePort;
import io.cherrypick.support.Simulators;

/**
 * Where a benchmark's simulators run. By default in a JVM of their own (profile simulators), so that the benchmark's
 * JVM holds the runtime alone and its CPU and heap figures are the runtime's; {@code -Dbench.simulators=in-process}
 * runs them inside the runtime as before (the simulators' CPU and heap are then counted with it), to compare figures
 * with older commits.
 */
final class BenchSimulators implements AutoCloseable {
    static final String PROPERTY = "bench.simulators";
    static final String IN_PROCESS = "in-process";
    static final String OWN_PROCESS = "own-process";

    private final AppProcess process;
    private final int port;

    private BenchSimulators(AppProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the simulators as {@link #PROPERTY} says, with these Spring arguments for them (own process only; in process
     * the runtime's arguments hold them); {@code runtimePort} is where the runtime will listen.
     */
    static BenchSimulators start(int runtimePort, List<String> simulatorArgs) throws IOException {
        String where = System.getProperty(PROPERTY, OWN_PROCESS);
        if (IN_PROCESS.equals(where)) {
            return new BenchSimulators(null, runtimePort);
        }
        if (!OWN_PROCESS.equals(where)) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + where + " is not known: say " + OWN_PROCESS
                    + " (the default) or " + IN_PROCESS);
        }
        int port = FreePort.find();
        List<String> args = new ArrayList<>(List.of("--logging.level.io.cherrypick=WARN", "--logging.level.org.apache.camel=WARN"));
        args.addAll(simulatorArgs);
        return new BenchSimulators(AppProcess.startSimulators(port, args), port);
    }

    boolean ownProcess() {
        return process != null;
    }

    /**
     * The runtime's arguments every benchmark starts with: its port, a fresh data directory, the order flows and the
     * simulators' demo traffic off (a benchmark switches on what it measures), quiet logs, and, when the simulators run
     * on their own, where they are. A benchmark adds its own after these (later arguments win).
     */
    List<String> runtimeArgs(int runtimePort) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + runtimePort,
                "--cherrypick.data-dir=" + java.nio.file.Files.createTempDirectory("cherrypick-bench"),
                "--cherrypick.simulator.scenario.enabled=false",
                "--cherrypick.flows.sales-order.enabled=false",
                "--cherrypick.flows.sales-order-change.enabled=false",
                "--cherrypick.metrics.refresh=600000",
                "--logging.level.io.cherrypick=WARN",
                "--logging.level.org.apache.camel=WARN"));
        if (ownProcess()) {
            String sims = "http://localhost:" + port;
            args.addAll(List.of("--cherrypick.simulator.enabled=false",
                    "--cherrypick.peoplevox.base-url=" + sims + "/sim/peoplevox",
                    "--cherrypick.bluecherry.base-url=" + sims + "/sim/bluecherry",
                    "--cherrypick.flows.stock.channels.web.url=" + sims + "/sim/channel/stock-levels"));
        }
        return args;
    }

    /** The simulators' control API. */
    Simulators client() {
        return new Simulators(port);
    }

    /** What the runtime JVM's CPU and heap figures cover. */
    String jvmCovers() {
        return ownProcess() ? "runtime JVM; simulators in their own" : "whole JVM: runtime and simulators";
    }

    /** The simulators' CPU time over the run (own process), for the record; zero in process (counted with the runtime). */
    Duration cpuTime() {
        return ownProcess() ? process.cpuTime() : Duration.ZERO;
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }
}
