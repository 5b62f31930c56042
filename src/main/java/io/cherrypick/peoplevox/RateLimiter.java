package io.cherrypick.peoplevox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code permits} calls in any sliding {@code period}, as the server counts them. A call holds a slot from
 * {@link #acquire()} until {@link #release()}, and its slot stays taken for {@code period} after the call completed:
 * the server saw the call arrive no later than its completion, so measuring from completion can never let the server
 * see more than {@code permits} arrivals in a period, however long requests take on the way. One instance per
 * Peoplevox client id, shared by all flows of this runtime.
 */
public class RateLimiter {
    private final int permits;
    private final long periodNanos;
    private final Deque<Long> completions = new ArrayDeque<>();
    private int inFlight;

    public RateLimiter(int permits, Duration period) {
        this.permits = permits;
        this.periodNanos = period.toNanos();
    }

    public synchronized void acquire() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            while (!completions.isEmpty() && now - completions.peekFirst() >= periodNanos) {
                completions.pollFirst();
            }
            if (inFlight + completions.size() < permits) {
                inFlight++;
                return;
            }
            long waitNanos = completions.isEmpty() ? periodNanos : periodNanos - (now - completions.peekFirst());
            wait(Math.max(1, waitNanos / 1_000_000), 0);
        }
    }

    /** Marks the end of a call that {@link #acquire()} let through. */
    public synchronized void release() {
        inFlight--;
        completions.addLast(System.nanoTime());
        notifyAll();
    }
}
