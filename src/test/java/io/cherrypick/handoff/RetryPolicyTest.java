package io.cherrypick.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The retry budget is time since the first failed attempt, not a count; the wait between attempts is capped. */
class RetryPolicyTest {
    static final Instant FIRST = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void aRecordIsRetriedForSixHoursFromItsFirstFailedAttemptHoweverManyAttemptsThatTakes() {
        RetryPolicy policy = RetryPolicy.DEFAULT;
        assertThat(policy.retryFor()).isEqualTo(Duration.ofHours(6));
        assertThat(policy.exhausted(5, FIRST, FIRST.plusSeconds(75))).as("the old budget: 5 attempts in 75 s").isFalse();
        assertThat(policy.exhausted(80, FIRST, FIRST.plus(Duration.ofHours(6)).minusSeconds(1))).isFalse();
        assertThat(policy.exhausted(80, FIRST, FIRST.plus(Duration.ofHours(6)))).isTrue();
        assertThat(policy.exhausted(1, null, FIRST)).as("a first failure starts the budget").isFalse();
        assertThat(policy.limit()).isEqualTo("for 6h");
    }

    @Test
    void theWaitDoublesFromFiveSecondsAndNeverExceedsFiveMinutes() {
        RetryPolicy policy = RetryPolicy.DEFAULT;
        assertThat(policy.delay(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delay(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delay(6)).isEqualTo(Duration.ofSeconds(160));
        assertThat(policy.delay(7)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.delay(70)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aZeroBudgetNeverGivesUpAndACountStillCountsWhereAQueueSetsOne() {
        RetryPolicy forever = new RetryPolicy(RetryPolicy.NO_LIMIT, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ZERO);
        assertThat(forever.exhausted(1_000_000, FIRST, FIRST.plus(Duration.ofDays(30)))).isFalse();
        assertThat(forever.limit()).isEqualTo("no limit");
        RetryPolicy counted = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(6));
        assertThat(counted.exhausted(10, FIRST, FIRST.plusSeconds(60))).isTrue();
        assertThat(counted.limit()).isEqualTo("10 attempts or for 6h");
    }
}
