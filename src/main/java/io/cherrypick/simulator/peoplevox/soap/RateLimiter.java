package io.cherrypick.simulator.peoplevox.soap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Sliding-window request limit per client id (e.g. 15 requests per 15 seconds); refused requests do not count. */
public final class RateLimiter {
    private final Clock clock;
    /** Client ids counted at once before the idle ones are forgotten (the id comes from the request). */
    static final int MAX_CLIENTS = 1_000;

    private final Map<String, Deque<Instant>> accepted = new HashMap<>();

    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    public synchronized boolean tryAcquire(String clientId, int requests, int windowSeconds) {
        Instant now = clock.instant();
        if (accepted.size() >= MAX_CLIENTS) {
            // a client with no request in its window has nothing left to count
            Instant idleBefore = now.minus(Duration.ofSeconds(windowSeconds));
            accepted.values().removeIf(t -> t.isEmpty() || !t.peekLast().isAfter(idleBefore));
        }
        Deque<Instant> times = accepted.computeIfAbsent(clientId.toLowerCase(), key -> new ArrayDeque<>());
        Instant windowStart = now.minus(Duration.ofSeconds(windowSeconds));
        while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
            times.removeFirst();
        }
        if (times.size() >= requests) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    public static String refusal(int requests, int windowSeconds) {
        return "System : Rate limit exceeded - " + requests + " requests per " + windowSeconds + " seconds";
    }

    public synchronized void reset() {
        accepted.clear();
    }
}
