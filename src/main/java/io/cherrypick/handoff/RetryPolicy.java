package io.cherrypick.handoff;

import java.time.Duration;
import java.time.Instant;

/**
 * The one retry policy of the hand-off: the n-th failed attempt waits {@code base x 2^(n-1)}, capped at {@code max},
 * and a record is given up after {@code maxAttempts} attempts ({@link #NO_LIMIT}: never given up, e.g. levels for a sales
 * channel that is down, which must reach it whenever it is back). Only faults that trying again can cure (timeouts, 5xx,
 * rate limits, expired sessions) are retried; every other failure goes to the dead letters at once.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration max) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(5), Duration.ofMinutes(15));
    /** maxAttempts that never gives a record up: it is retried with the capped backoff for as long as it fails. */
    public static final int NO_LIMIT = 0;

    public RetryPolicy {
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, or 0 for no limit, not " + maxAttempts);
        }
        if (base == null || base.isNegative() || max == null || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("retry backoff " + base + " and its cap " + max + " must be positive,"
                    + " the cap no less than the backoff");
        }
    }

    public boolean exhausted(int attemptsSoFar) {
        return maxAttempts != NO_LIMIT && attemptsSoFar >= maxAttempts;
    }

    /** The limit as people read it in the log: "5", or "no limit". */
    public String limit() {
        return maxAttempts == NO_LIMIT ? "no limit" : Integer.toString(maxAttempts);
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
