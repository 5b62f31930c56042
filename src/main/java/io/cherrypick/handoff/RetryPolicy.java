package io.cherrypick.handoff;

import java.time.Duration;
import java.time.Instant;

/**
 * The one retry policy of the hand-off: the n-th failed attempt waits {@code base x 2^(n-1)}, capped at {@code max},
 * and a record is given up after {@code maxAttempts} attempts. Only faults that trying again can cure (timeouts, 5xx,
 * rate limits, expired sessions) are retried; every other failure goes to the dead letters at once.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration max) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(5), Duration.ofMinutes(15));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (base == null || base.isNegative() || max == null || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("retry backoff " + base + " and its cap " + max + " must be positive,"
                    + " the cap no less than the backoff");
        }
    }

    public boolean exhausted(int attemptsSoFar) {
        return attemptsSoFar >= maxAttempts;
    }

    /** When to try again after {@code attemptsSoFar} failed attempts. */
    public Instant nextAttempt(int attemptsSoFar, Instant now) {
        return now.plus(delay(attemptsSoFar));
    }

    public Duration delay(int attemptsSoFar) {
        Duration delay = base.multipliedBy(1L << Math.min(20, Math.max(0, attemptsSoFar - 1)));
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
