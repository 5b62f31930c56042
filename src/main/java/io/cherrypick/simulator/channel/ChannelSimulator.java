package io.cherrypick.simulator.channel;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * In-memory sales channel (Shopify-like) that receives stock levels: keeps the latest level per (sku, site)
 * by observation time, every received update, a log of calls, and injected faults. Thread-safe; the HTTP side
 * is {@link ChannelSimulatorController}, and tests or benchmarks may call this bean directly.
 */
@Component
@ConditionalOnProperty(prefix = "cherrypick.simulator", name = "enabled", havingValue = "true")
public class ChannelSimulator {

    /** The answer to a call with stock levels. */
    public record ReceiveResult(int accepted, int stale) {
    }

    /** The channel's state as {@code GET /sim/channel/_control/state} shows it. */
    public record State(List<ChannelStockLevel> levels, long calls, long updates, long accepted, long stale) {
    }

    /** The body of {@code POST /sim/channel/_control/faults}; {@code type} is text so an unknown one gets a clear error. */
    public record FaultRequest(String operation, String type, Integer count, Double rate, Long delayMs, Integer status) {
    }

    /** A stock-level call was refused as invalid (HTTP 400); the message names the update and field. */
    public static class InvalidUpdateException extends RuntimeException {
        public InvalidUpdateException(String message) {
            super(message);
        }
    }

    private record Key(String sku, String site) {
    }

    private final ChannelSimulatorProperties properties;
    private final Clock clock;
    private final SplittableRandom faultRandom = new SplittableRandom();
    private final Map<Key, ChannelStockLevel> levels = new LinkedHashMap<>();
    private final Deque<ReceivedUpdate> history = new ArrayDeque<>();
    private final Deque<ChannelCall> callLog = new ArrayDeque<>();
    private final List<ChannelFault> faults = new ArrayList<>();
    private long calls;
    private long updates;
    private long accepted;
    private long stale;
    private long nextFaultId = 1;
    /** Whether an update observed before the level held is stale (settings; a reset restores the configured one). */
    private boolean honoursObservedAt;

    @Autowired
    public ChannelSimulator(ChannelSimulatorProperties properties) {
        this(properties, Clock.systemUTC());
    }

    public ChannelSimulator(ChannelSimulatorProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.honoursObservedAt = properties.honoursObservedAt();
    }

    /** The receiver's settings that can change at run time. */
    public record Settings(Boolean honoursObservedAt) {
    }

    /** Changes the settings given (a null field keeps its value); returns them all. */
    public synchronized Settings settings(Settings change) {
        if (change != null && change.honoursObservedAt() != null) {
            honoursObservedAt = change.honoursObservedAt();
        }
        return new Settings(honoursObservedAt);
    }

    /**
     * Applies a call's updates: each one newer than (or as new as) the held level replaces it; an older one is
     * kept in the history only and counted as stale. All-or-nothing: an invalid update refuses the whole call.
     */
    public synchronized ReceiveResult receive(List<StockLevelUpdate> received) {
        return receive(received, null);
    }

    /** As {@link #receive(List)}, noting in the call log the injected fault (LATENCY, TIMEOUT) the call went through. */
    public synchronized ReceiveResult receive(List<StockLevelUpdate> received, ChannelFault.Type fault) {
        Instant now = clock.instant();
        String problem = validate(received);
        if (problem != null) {
            logCall(now, 400, received == null ? 0 : received.size(), 0, 0, fault, problem);
            throw new InvalidUpdateException(problem);
        }
        long call = ++calls;
        int acceptedHere = 0;
        for (StockLevelUpdate update : received) {
            Key key = new Key(update.sku(), update.site());
            ChannelStockLevel held = levels.get(key);
            boolean isStale = honoursObservedAt && held != null && update.observedAt().isBefore(held.observedAt());
            if (!isStale) {
                levels.put(key, new ChannelStockLevel(update.sku(), update.site(), update.available(), update.observedAt(), now));
                acceptedHere++;
            }
            append(history, new ReceivedUpdate(call, update.sku(), update.site(), update.available(), update.observedAt(),
                    now, isStale), properties.historyLimit());
        }
        int staleHere = received.size() - acceptedHere;
        updates += received.size();
        accepted += acceptedHere;
        stale += staleHere;
        append(callLog, new ChannelCall(call, now, 200, received.size(), acceptedHere, staleHere,
                fault == null ? null : fault.name(), null), properties.callLogLimit());
        return new ReceiveResult(acceptedHere, staleHere);
    }

    /** Logs a call the channel refused before looking at its updates (401, an injected 5xx or 429, unreadable body). */
    public synchronized void recordRefusedCall(int status, int updateCount, ChannelFault.Type fault, String error) {
        logCall(clock.instant(), status, updateCount, 0, 0, fault, error);
    }

    /** True when no token is configured, or the header is {@code Bearer <configured token>}. */
    public boolean isAuthorised(String authorizationHeader) {
        String token = properties.token();
        if (token.isEmpty()) {
            return true;
        }
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = authorizationHeader.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
    }

    public synchronized State state() {
        List<ChannelStockLevel> sorted = levels.values().stream()
                .sorted(Comparator.comparing(ChannelStockLevel::sku).thenComparing(ChannelStockLevel::site))
                .toList();
        return new State(sorted, calls, updates, accepted, stale);
    }

    public synchronized Optional<ChannelStockLevel> level(String sku, String site) {
        return Optional.ofNullable(levels.get(new Key(sku, site)));
    }

    /** The call log, oldest first. */
    public synchronized List<ChannelCall> calls() {
        return List.copyOf(callLog);
    }

    /** Every received update, oldest first (stale ones included). */
    public synchronized List<ReceivedUpdate> history() {
        return List.copyOf(history);
    }

    /** Forgets levels, history, calls, counters and faults. */
    public synchronized void reset() {
        levels.clear();
        history.clear();
        callLog.clear();
        faults.clear();
        calls = 0;
        updates = 0;
        accepted = 0;
        stale = 0;
        honoursObservedAt = properties.honoursObservedAt();
    }

    public synchronized ChannelFault addFault(FaultRequest request) {
        ChannelFault.Type type = parseType(request.type());
        String operation = request.operation() == null || request.operation().isBlank() ? ChannelFault.ANY : request.operation();
        if (!operation.equals(ChannelFault.ANY) && !operation.equals(ChannelFault.STOCK_LEVELS)) {
            throw new IllegalArgumentException("fault operation '" + operation + "' is unknown to the channel simulator (use "
                    + ChannelFault.STOCK_LEVELS + " or " + ChannelFault.ANY + ")");
        }
        if ((request.count() == null) == (request.rate() == null)) {
            throw new IllegalArgumentException("fault needs exactly one of count and rate");
        }
        if (request.count() != null && request.count() < 1) {
            throw new IllegalArgumentException("fault count must be at least 1, was " + request.count());
        }
        if (request.rate() != null && (request.rate() < 0.0 || request.rate() > 1.0)) {
            throw new IllegalArgumentException("fault rate must be between 0 and 1, was " + request.rate());
        }
        if (request.delayMs() != null && request.delayMs() < 0) {
            throw new IllegalArgumentException("fault delayMs must not be negative, was " + request.delayMs());
        }
        if (request.status() != null && (request.status() < 500 || request.status() > 599)) {
            throw new IllegalArgumentException("fault status must be a 5xx status, was " + request.status());
        }
        ChannelFault fault = new ChannelFault(nextFaultId++, operation, type, request.count(), request.rate(),
                request.delayMs(), request.status(), request.count());
        faults.add(fault);
        return fault;
    }

    public synchronized List<ChannelFault> faults() {
        return List.copyOf(faults);
    }

    public synchronized void clearFaults() {
        faults.clear();
    }

    /**
     * The fault that hits this call of {@code operation}, if any: the first matching count fault (used up by
     * one), or a rate fault whose dice say so.
     */
    public synchronized Optional<ChannelFault> takeFault(String operation) {
        Iterator<ChannelFault> iterator = faults.iterator();
        for (int i = 0; iterator.hasNext(); i++) {
            ChannelFault fault = iterator.next();
            if (!fault.operation().equals(ChannelFault.ANY) && !fault.operation().equals(operation)) {
                continue;
            }
            if (fault.remaining() != null) {
                int left = fault.remaining() - 1;
                if (left == 0) {
                    iterator.remove();
                } else {
                    faults.set(i, fault.withRemaining(left));
                }
                return Optional.of(fault.withRemaining(left));
            }
            if (faultRandom.nextDouble() < fault.rate()) {
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    private void logCall(Instant now, int status, int updateCount, int acceptedCount, int staleCount,
                         ChannelFault.Type fault, String error) {
        append(callLog, new ChannelCall(++calls, now, status, updateCount, acceptedCount, staleCount,
                fault == null ? null : fault.name(), error), properties.callLogLimit());
    }

    private static <T> void append(Deque<T> deque, T value, int limit) {
        deque.addLast(value);
        while (deque.size() > limit) {
            deque.removeFirst();
        }
    }

    private static String validate(List<StockLevelUpdate> received) {
        if (received == null) {
            return "body must hold an 'updates' array";
        }
        for (int i = 0; i < received.size(); i++) {
            StockLevelUpdate update = received.get(i);
            String at = "updates[" + i + "]";
            if (update == null) {
                return at + " is null";
            }
            if (update.sku() == null || update.sku().isBlank()) {
                return at + ".sku is missing";
            }
            if (update.site() == null || update.site().isBlank()) {
                return at + ".site is missing (sku " + update.sku() + ")";
            }
            if (update.available() == null) {
                return at + ".available is missing (sku " + update.sku() + ")";
            }
            if (update.observedAt() == null) {
                return at + ".observedAt is missing (sku " + update.sku() + ")";
            }
        }
        return null;
    }

    private static ChannelFault.Type parseType(String type) {
        if (type != null) {
            for (ChannelFault.Type candidate : ChannelFault.Type.values()) {
                if (candidate.name().equalsIgnoreCase(type.trim())) {
                    return candidate;
                }
            }
        }
        throw new IllegalArgumentException("fault type '" + type + "' is not supported by the channel simulator (supported: "
                + Arrays.toString(ChannelFault.Type.values()) + ")");
    }
}
