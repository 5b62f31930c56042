package io.cherrypick.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.cherrypick.runtime.FlowSwitch;

/** What the benchmarks share: waiting for the runtime to finish, and counting rows. */
final class BenchRuns {
    private BenchRuns() {
    }

    /** Waits for a condition, checking every {@code poll}; false when it did not come true in time (then a benchmark reports what it has). */
    static boolean await(Duration max, Duration poll, BooleanSupplier done) {
        try {
            Awaitility.await().atMost(max).pollInterval(poll).until(done::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException notInTime) {
            return false;
        }
    }

    /**
     * Starts the routes of a flow that was switched off while its data was prepared: the routes of its group (the pull,
     * the sender and the step routes they call), all but {@code leftOut}.
     */
    static void startFlow(CamelContext camel, String group, Set<String> leftOut) throws Exception {
        for (Route route : camel.getRoutes()) {
            if (group.equals(FlowSwitch.flowOf(camel, route)) && !leftOut.contains(route.getRouteId())) {
                camel.getRouteController().startRoute(route.getRouteId());
            }
        }
    }

    /** Stops the routes of a flow's group (e.g. before a baseline that must not be pulled by the flow as well). */
    static void stopFlow(CamelContext camel, String group) throws Exception {
        for (Route route : camel.getRoutes()) {
            if (group.equals(FlowSwitch.flowOf(camel, route))) {
                camel.getRouteController().stopRoute(route.getRouteId());
            }
        }
    }

    /**
     * CPU time this JVM has used so far (all threads: the runtime and, in-process, the simulators), in milliseconds. Unlike
     * wall time it hardly changes when other jobs share the machine, so a change's cost shows even on a busy machine.
     */
    static long cpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    /** The highest heap use seen in this JVM while it was sampled (every 50 ms). */
    static final class PeakHeap implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

        private PeakHeap() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                    0, 50, TimeUnit.MILLISECONDS);
        }

        static PeakHeap start() {
            return new PeakHeap();
        }

        long mib() {
            return peak.get() >> 20;
        }

        /** The heap this JVM may use (-Xmx), in MiB. */
        static long limitMib() {
            return Runtime.getRuntime().maxMemory() >> 20;
        }

        @Override
        public void close() {
            sampler.shutdownNow();
        }
    }

    /** Writes a benchmark's figures as JSON to target/bench/{@code name}.json (and says where). */
    static void writeFigures(String name, Map<String, Object> figures) throws IOException {
        Path out = Path.of("target", "bench", name + ".json");
        Files.createDirectories(out.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), figures);
        System.out.println("figures written to " + out);
    }

    static int count(JdbcTemplate jdbc, String sql) {
        Integer n = jdbc.queryForObject(sql, Integer.class);
        return n == null ? 0 : n;
    }
}
