package io.cherrypick.peoplevox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Two instances, one Peoplevox budget: each {@link SharedPacingBudget} here has its own connections to one database,
 * as two Cherrypick instances would. Together they never let more than the budget's calls through in a period, a
 * refusal one of them saw holds the other back, and a slot held by an instance that died comes back after its lease.
 * The same timing check run over two {@link RateLimiter}s (each JVM on its own, as before the shared budget) fails.
 */
abstract class AbstractPeoplevoxPacingTest {
    static final int SLOTS = 3;
    static final Duration PERIOD = Duration.ofMillis(1000);
    /** Time stamps are taken around the database's: a few milliseconds either way. */
    static final Duration SLACK = Duration.ofMillis(15);

    /** A fresh, migrated database; each call gives another data source (other connections) onto the same one. */
    abstract void newDatabase();

    abstract DataSource connections();

    private SharedPacingBudget instance(Duration lease, Duration backoff) {
        DataSource db = connections();
        return new SharedPacingBudget(new NamedParameterJdbcTemplate(db), new DataSourceTransactionManager(db), "acme",
                SLOTS, PERIOD, lease, backoff);
    }

    @Test
    void twoInstancesTogetherKeepToOneBudget() throws Exception {
        newDatabase();
        List<Long> starts = callsThrough(List.of(instance(Duration.ofSeconds(30), PERIOD),
                instance(Duration.ofSeconds(30), PERIOD)));
        assertAtMostSlotsPerPeriod(starts);
    }

    @Test
    void theSameCheckCatchesTwoInstancesPacingAlone() throws Exception {
        List<Long> starts = callsThrough(List.of(new RateLimiter(SLOTS, PERIOD), new RateLimiter(SLOTS, PERIOD)));
        assertThat(tightestWindow(starts)).as("two limiters that do not share let %d calls through at once", 2 * SLOTS)
                .isLessThan(PERIOD.minus(SLACK));
    }

    @Test
    void aRefusalSeenByOneInstanceHoldsTheOtherBack() throws Exception {
        newDatabase();
        Duration backoff = Duration.ofMillis(800);
        SharedPacingBudget first = instance(Duration.ofSeconds(30), backoff);
        SharedPacingBudget second = instance(Duration.ofSeconds(30), backoff);
        long refusedAt = System.nanoTime();
        first.refused("System : Rate limit exceeded - 15 requests per 15 seconds");
        try (Pacer.Permit permit = second.acquire()) {
            assertThat(Duration.ofNanos(System.nanoTime() - refusedAt)).isGreaterThanOrEqualTo(backoff.minus(SLACK));
        }
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(connections());
        assertThat(jdbc.getJdbcTemplate().queryForMap("select refusals, last_refusal from peoplevox_pacing where budget = 'acme'"))
                .containsEntry("refusals", 1L).containsEntry("last_refusal",
                        "System : Rate limit exceeded - 15 requests per 15 seconds");
    }

    @Test
    void aSlotHeldByAnInstanceThatDiedComesBackAfterItsLease() throws Exception {
        newDatabase();
        Duration lease = Duration.ofMillis(1500);
        SharedPacingBudget died = instance(lease, PERIOD);
        long start = System.nanoTime();
        for (int i = 0; i < SLOTS; i++) {
            died.acquire(); // never closed: the instance died during its calls
        }
        try (Pacer.Permit permit = instance(lease, PERIOD).acquire()) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(lease.minus(SLACK));
        }
    }

    /** Two threads per instance, three calls each: when each call was let through (nanoTime), sorted. */
    private static List<Long> callsThrough(List<Pacer> instances) throws Exception {
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(2 * instances.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Pacer instance : instances) {
                for (int t = 0; t < 2; t++) {
                    done.add(threads.submit(() -> {
                        for (int call = 0; call < 3; call++) {
                            try (Pacer.Permit permit = instance.acquire()) {
                                starts.add(System.nanoTime());
                            }
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        List<Long> sorted = new ArrayList<>(starts);
        Collections.sort(sorted);
        assertThat(sorted).hasSize(6 * instances.size());
        return sorted;
    }

    private static void assertAtMostSlotsPerPeriod(List<Long> starts) {
        assertThat(tightestWindow(starts)).as("the shortest time in which %d calls were let through", SLOTS + 1)
                .isGreaterThanOrEqualTo(PERIOD.minus(SLACK));
    }

    /** The shortest span holding SLOTS + 1 consecutive calls: at least a period when no period held more than SLOTS. */
    private static Duration tightestWindow(List<Long> starts) {
        long shortest = Long.MAX_VALUE;
        for (int i = SLOTS; i < starts.size(); i++) {
            shortest = Math.min(shortest, starts.get(i) - starts.get(i - SLOTS));
        }
        return Duration.ofNanos(shortest);
    }
}
