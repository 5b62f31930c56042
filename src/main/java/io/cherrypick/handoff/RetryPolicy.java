package io.cherrypick.handoff;

import java.time.Duration;
import java.time.Instant;

/**
 * The one retry policy of the hand-off: the n-th failed attempt waits {@code base x 2^(n-1)}, capped at {@code max}, and
 * a record is given up once {@code retryFor} has passed since its first failed attempt (the budget is time, so an outage
 * of hours does not use it up the way a count of attempts would), or after {@code maxAttempts} attempts where a queue
 * counts them ({@link #NO_LIMIT}, the default: attempts are not counted). A zero {@code retryFor} never gives a record up
 * by time (e.g. levels for a sales channel, which must reach it whenever it is back). Only faults that trying again can
 * cure (timeouts, 5xx, rate limits, expired sessions) are retried; every other failure goes to the dead letters at once.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration max, Duration retryFor) {
    /** maxAttempts that never gives a record up by count. */
    public static final int NO_LIMIT = 0;
    /** Six hours after the first failed attempt, 5 s after the first failure, doubling up to 5 min between attempts. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(NO_LIMIT, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofHours(6));

    public RetryPolicy {
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, or 0 for no limit, not " + maxAttempts);
        }
        if (base == null || base.isNegative() || max == null || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("retry backoff " + base + " and its cap " + max + " must be positive,"
                    + " the cap no less than the backoff");
        }
        if (retryFor == null || retryFor.isNegative()) {
            throw new IllegalArgumentException("retryFor must be a duration of 0 (no limit) or more, not " + retryFor);
        }
    }

    /** A policy that counts attempts and has no time budget. */
    public RetryPolicy(int maxAttempts, Duration base, Duration max) {
        this(maxAttempts, base, max, Duration.ZERO);
    }

    /** By count alone (a record with no time spent). */
    public boolean exhausted(int attemptsSoFar) {
        return maxAttempts != NO_LIMIT && attemptsSoFar >= maxAttempts;
    }

    /**
     * Whether a record that failed {@code attemptsSoFar} times, the first at {@code firstAttempt} (null: this is the
     * first), is given up at {@code now}.
     */
    public boolean exhausted(int attemptsSoFar, Instant firstAttempt, Instant now) {
        if (exhausted(attemptsSoFar)) {
            return true;
        }
        return !retryFor.isZero() && !now.isBefore((firstAttempt == null ? now : firstAttempt).plus(retryFor));
    }

    /** The limit as people read it in the log: "for 6h", "5 attempts", or "no limit". */
    public String limit() {
        String time = "for " + retryFor.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
        if (maxAttempts == NO_LIMIT) {
            return retryFor.isZero() ? "no limit" : time;
        }
        return maxAttempts + " attempts" + (retryFor.isZero() ? "" : " or " + time);
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
