package io.cherrypick.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.support.FreePort;
import io.cherrypick.support.Simulators;

/**
 * The same audit with the Peoplevox simulator enforcing a rate limit (4 calls per 2 s, so the audit's calls need
 * several windows) and the runtime's client not pacing: the audit paces its own calls (cherrypick.setup.pacing=always,
 * at cherrypick.peoplevox.rate-limit's figures), so Peoplevox refuses none of them, never sees more than 4 in 2 s, and
 * the audit finds the same mismatches. Unpaced, the same calls arrive within a second and are refused.
 */
class SetupAuditPacingTest extends AbstractSetupAuditTest {
    static final int PORT = FreePort.find();
    static final int REQUESTS = 4;
    static final int WINDOW_SECONDS = 2;

    @DynamicPropertySource
    static void pacing(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("cherrypick.setup.pacing", () -> "always");
        registry.add("cherrypick.peoplevox.rate-limit.enabled", () -> "false");
        registry.add("cherrypick.peoplevox.rate-limit.requests", () -> REQUESTS);
        registry.add("cherrypick.peoplevox.rate-limit.period", () -> WINDOW_SECONDS + "s");
    }

    private Simulators sims;

    /**
     * After the world is seeded (unpaced) and the runtime made its event subscriptions (its own calls, once at start):
     * from now on the simulator refuses a 5th call within 2 s.
     */
    @BeforeEach
    void rateLimitOn() {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject("select count(*) from pvx_subscription", Integer.class) > 0);
        sims = new Simulators(port);
        sims.delete("/sim/peoplevox/_control/calls");
        api.put().uri("/sim/peoplevox/_control/config").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("rateLimitEnabled", true, "rateLimitRequests", REQUESTS, "rateLimitWindowSeconds",
                        WINDOW_SECONDS)).retrieve().toBodilessEntity();
    }

    /** The audit's calls, as Peoplevox saw them: none refused, never more than the limit in a window. */
    @AfterEach
    void keptToTheRateLimit() {
        List<Map<String, Object>> calls = sims.getList("/sim/peoplevox/_control/calls");
        api.put().uri("/sim/peoplevox/_control/config").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("rateLimitEnabled", false)).retrieve().toBodilessEntity();
        assertThat(calls).as("enough calls to need several windows").hasSizeGreaterThan(3 * REQUESTS);
        assertThat(calls).as("calls refused by the rate limit").noneMatch(c -> Integer.valueOf(-1).equals(c.get("responseId")));
        List<Instant> at = calls.stream().map(c -> Instant.parse((String) c.get("at"))).sorted().toList();
        for (int i = REQUESTS; i < at.size(); i++) {
            assertThat(Duration.between(at.get(i - REQUESTS), at.get(i))).as("calls %d to %d", i - REQUESTS + 1, i + 1)
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(WINDOW_SECONDS));
        }
        assertThat(jdbc.queryForObject("select report from setup_audit_run", String.class)).contains("\"paced\":true");
    }
}
