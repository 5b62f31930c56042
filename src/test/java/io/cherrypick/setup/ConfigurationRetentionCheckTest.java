package io.cherrypick.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/**
 * The setup audit's retention check: what retention keeps against what the report polls re-read. An event purged
 * before its poll's overlap has passed is stored and processed again by every poll that re-reads it.
 */
class ConfigurationRetentionCheckTest {

    private static CheckResult retention(MockEnvironment env) {
        SetupProperties setup = new SetupProperties(5, SetupProperties.Pacing.NEVER, 100, Duration.ofDays(1),
                Duration.ofHours(1), Duration.ofDays(1), List.of("R"), "", 10, Duration.ofMinutes(10), 10);
        ConfigurationChecks checks = new ConfigurationChecks(env,
                new StaticListableBeanFactory().getBeanProvider(RuntimeSettings.class));
        return checks.run(new AuditContext(null, setup, null)).stream()
                .filter(r -> r.id().equals("configuration.retention")).findFirst().orElseThrow();
    }

    @Test
    void theDefaultsKeepEventsFarLongerThanAnyPollReReadsThem() {
        CheckResult result = retention(new MockEnvironment());

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.checked()).isEqualTo(1 + ConfigurationChecks.REPORT_POLL_FLOWS.size());
    }

    @Test
    void aKeepShorterThanTwiceAPollsOverlapIsNamedWithBothSettings() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("cherrypick.ops.retention.keep", "2h")
                .withProperty("cherrypick.flows.returns.poll-overlap", "90m")
                .withProperty("cherrypick.flows.despatch.poll-overlap", "30m");

        CheckResult result = retention(env);

        assertThat(result.verdict()).isEqualTo(Verdict.WARN);
        assertThat(result.found()).as("returns (90 min) is over half the keep; despatch (30 min) and inbound (1 h) are not")
                .isEqualTo(1);
        assertThat(result.examples()).singleElement().asString()
                .contains("cherrypick.ops.retention.keep (2 h 0 min)")
                .contains("cherrypick.flows.returns.poll-overlap (1 h 30 min)");
    }
}
