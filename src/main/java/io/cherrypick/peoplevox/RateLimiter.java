package io.cherrypick.peoplevox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code permits} calls in any sliding {@code period}; {@link #acquire()} waits for a free slot. One instance per
 * Peoplevox client id, shared by all flows of this runtime.
 */
public class RateLimiter {
    private final int permits;
    private final long periodNanos;
    private final Deque<Long> grants = new ArrayDeque<>();

    public RateLimiter(int permits, Duration period) {
        this.permits = permits;
        this.periodNanos = period.toNanos();
    }

    public void acquire() throws InterruptedException {
        while (true) {
            long waitNanos;
            synchronized (this) {
                long now = System.nanoTime();
                while (!grants.isEmpty() && now - grants.peekFirst() >= periodNanos) {
                    grants.pollFirst();
                }
                if (grants.size() < permits) {
                    grants.addLast(now);
                    return;
                }
                waitNanos = periodNanos - (now - grants.peekFirst());
            }
            // small margin so a server counting the same window never sees permits + 1
            Thread.sleep(Math.max(1, waitNanos / 1_000_000) + 50);
        }
    }
}
