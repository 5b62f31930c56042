package io.cherrypick.peoplevox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.support.FreePort;
import io.cherrypick.support.Simulators;

/**
 * The runtime paced by its shared budget (rate-limit.enabled=true, as the ratelimited profile sets) against the
 * Peoplevox simulator enforcing 4 calls per 2 s: every call the runtime makes, its start-up calls and sessions included,
 * passes the budget kept in the database, and the simulator refuses none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
class PeoplevoxPacedRuntimeTest {
    static final int PORT = FreePort.find();

    @DynamicPropertySource
    static void pacing(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("cherrypick.peoplevox.rate-limit.enabled", () -> "true");
        registry.add("cherrypick.peoplevox.rate-limit.requests", () -> 4);
        registry.add("cherrypick.peoplevox.rate-limit.period", () -> "2s");
        registry.add("cherrypick.peoplevox.rate-limit.safety-margin", () -> 0);
        registry.add("cherrypick.simulator.peoplevox.rate-limit-enabled", () -> "true");
        registry.add("cherrypick.simulator.peoplevox.rate-limit-requests", () -> 4);
        registry.add("cherrypick.simulator.peoplevox.rate-limit-window-seconds", () -> 2);
    }

    @Autowired PeoplevoxClient peoplevox;
    @Autowired JdbcTemplate jdbc;

    @Test
    void everyCallPassesTheSharedBudgetAndNoneIsRefused() {
        assertThat(peoplevox.paced()).isTrue();
        for (int i = 0; i < 10; i++) {
            assertThat(peoplevox.getSaveTemplate("Sites")).contains("Reference");
        }

        List<Map<String, Object>> calls = new Simulators(PORT).getList("/sim/peoplevox/_control/calls");
        assertThat(calls).as("the runtime's calls").hasSizeGreaterThanOrEqualTo(10);
        assertThat(calls).as("refused by the simulator's limit").noneMatch(c -> Integer.valueOf(-1).equals(c.get("responseId")));
        List<Instant> at = calls.stream().map(c -> Instant.parse((String) c.get("at"))).sorted().toList();
        for (int i = 4; i < at.size(); i++) {
            assertThat(Duration.between(at.get(i - 4), at.get(i))).as("calls %d to %d", i - 3, i + 1)
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        }
        assertThat(jdbc.queryForObject("select count(*) from peoplevox_pacing_slot where budget = 'cherrypick-demo'",
                Integer.class)).isEqualTo(4);
    }
}
