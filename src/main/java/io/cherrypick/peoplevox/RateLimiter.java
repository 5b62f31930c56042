package io.cherrypick.peoplevox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One JVM's own pacing (the setup audit's own client, tests): at most {@code permits} calls in any sliding
 * {@code period}, as the server counts them. A call holds a slot from {@link #acquire()} until its permit is closed,
 * and its slot stays taken for {@code period} after the call completed: the server saw the call arrive no later than
 * its completion, so measuring from completion can never let the server see more than {@code permits} arrivals in a
 * period, however long requests take on the way. The runtime's client uses {@link SharedPacingBudget}, the same rule
 * kept in the database for every instance.
 */
public class RateLimiter implements Pacer {
    private final int permits;
    private final long periodNanos;
    private final long backoffNanos;
    private final Deque<Long> completions = new ArrayDeque<>();
    private int inFlight;
    private long backoffUntil = System.nanoTime();

    public RateLimiter(int permits, Duration period) {
        this(permits, period, period);
    }

    public RateLimiter(int permits, Duration period, Duration backoff) {
        this.permits = permits;
        this.periodNanos = period.toNanos();
        this.backoffNanos = backoff.toNanos();
    }

    @Override
    public synchronized Permit acquire() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            while (!completions.isEmpty() && now - completions.peekFirst() >= periodNanos) {
                completions.pollFirst();
            }
            long backoffLeft = backoffUntil - now;
            if (backoffLeft <= 0 && inFlight + completions.size() < permits) {
                inFlight++;
                return this::release;
            }
            long waitNanos = backoffLeft > 0 ? backoffLeft
                    : completions.isEmpty() ? periodNanos : periodNanos - (now - completions.peekFirst());
            wait(Math.max(1, waitNanos / 1_000_000), 0);
        }
    }

    @Override
    public synchronized void refused(String reason) {
        backoffUntil = Math.max(backoffUntil, System.nanoTime() + backoffNanos);
    }

    /** Marks the end of a call that {@link #acquire()} let through. */
    private synchronized void release() {
        inFlight--;
        completions.addLast(System.nanoTime());
        notifyAll();
    }
}
