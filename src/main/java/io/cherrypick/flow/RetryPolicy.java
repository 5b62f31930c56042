package io.cherrypick.flow;

import java.time.Duration;
import java.time.Instant;

/** Exponential backoff for outbox rows: base, 2 x base, 4 x base ... capped at 15 minutes, up to maxAttempts tries. */
public record RetryPolicy(int maxAttempts, Duration base) {
    private static final Duration CAP = Duration.ofMinutes(15);

    public boolean exhausted(int attemptsSoFar) {
        return attemptsSoFar >= maxAttempts;
    }

    public Instant nextAttempt(int attemptsSoFar, Instant now) {
        long factor = 1L << Math.min(20, Math.max(0, attemptsSoFar - 1));
        Duration delay = base.multipliedBy(factor);
        return now.plus(delay.compareTo(CAP) > 0 ? CAP : delay);
    }
}
