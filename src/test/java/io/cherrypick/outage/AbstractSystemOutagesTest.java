package io.cherrypick.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The breakers in the database, on each database (subclasses): a system is down after failures-to-open failures in a
 * row and back at the first answer, each told by one alert however many instances (threads here) see it at once; while
 * it is down one caller at a time gets to probe it.
 */
@TestPropertySource(properties = {"cherrypick.outages.failures-to-open=3", "cherrypick.outages.probe-every=1h"})
abstract class AbstractSystemOutagesTest {
    static final String SYSTEM = "Test system";

    @Autowired SystemOutages outages;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void clean() {
        jdbc.update("delete from system_outage");
        jdbc.update("delete from alert_subject");
        jdbc.update("delete from alert");
    }

    @Test
    void downAfterFailuresInARowAndAnAnswerInBetweenStartsTheCountAgain() {
        assertThat(outages.failed(SYSTEM, "HTTP 503")).isFalse();
        assertThat(outages.failed(SYSTEM, "HTTP 503")).isFalse();
        outages.answered(SYSTEM);
        assertThat(outages.failed(SYSTEM, "HTTP 503")).isFalse();
        assertThat(outages.failed(SYSTEM, "HTTP 503")).isFalse();
        assertThat(outages.gate(SYSTEM)).isEqualTo(SystemOutages.Gate.UP);
        assertThat(outages.failed(SYSTEM, "HTTP 503")).as("the third in a row").isTrue();
        assertThat(alerts("%DOWN%")).singleElement().asString().contains(SYSTEM).contains("HTTP 503");
    }

    @Test
    void manyInstancesFailingAndRecoveringAtOnceTellOneDownAndOneBack() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Boolean>> failures = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                failures.add(() -> outages.failed(SYSTEM, "timed out"));
            }
            for (Future<Boolean> f : pool.invokeAll(failures)) {
                f.get();
            }
            assertThat(outages.state(SYSTEM).orElseThrow().down()).isTrue();
            // one instance at a time probes it; the probe was taken when it went down, so the next waits an hour
            assertThat(outages.gate(SYSTEM)).isEqualTo(SystemOutages.Gate.WAIT);
            jdbc.update("update system_outage set probe_at = down_since");
            List<Callable<SystemOutages.Gate>> gates = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                gates.add(() -> outages.gate(SYSTEM));
            }
            List<SystemOutages.Gate> seen = new ArrayList<>();
            for (Future<SystemOutages.Gate> f : pool.invokeAll(gates)) {
                seen.add(f.get());
            }
            assertThat(seen).as("one probe").filteredOn(g -> g == SystemOutages.Gate.PROBE).hasSize(1);

            List<Callable<Void>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                answers.add(() -> {
                    outages.answered(SYSTEM);
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(answers)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outages.gate(SYSTEM)).isEqualTo(SystemOutages.Gate.UP);
        assertThat(alerts("%DOWN%")).as("one down alert").hasSize(1);
        assertThat(alerts("%BACK%")).as("one back alert").singleElement().asString().contains(SYSTEM + " is BACK");
    }

    private List<String> alerts(String like) {
        return jdbc.queryForList("select text from alert where text like ? order by id", String.class, like);
    }
}
