package io.cherrypick.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;

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

    static int count(JdbcTemplate jdbc, String sql) {
        Integer n = jdbc.queryForObject(sql, Integer.class);
        return n == null ? 0 : n;
    }
}
