package io.cherrypick.simulator.bluecherry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults armed through {@code /_control/faults}. A fault matches an API operation by resource name (case-insensitive,
 * {@code x-sim/} prefix optional) or {@code *}; it applies to the next {@code count} matching calls, or to a random
 * {@code rate} share of them. The first armed fault that matches wins.
 */
public final class FaultInjector {

    /**
     * What a fault does. The data faults spoil one record of a read's answer (the record at {@code record}, default the
     * first) and leave the rest as they were: {@code WRONG_TYPE} makes {@code field} an object, {@code MISSING_FIELD}
     * leaves it out, {@code LONG_VALUE} makes it 300 characters long, {@code CONTROL_CHARACTER} puts a NUL (U+0000) into
     * it, {@code NOT_AN_OBJECT} makes the record a string; {@code PAGE_OVERFLOW} answers the page twice over, more
     * records than {@code _pgsize} asked for.
     */
    public enum FaultType {
        LATENCY, TIMEOUT, HTTP_5XX, HTML, MALFORMED, RATE_LIMIT,
        WRONG_TYPE, MISSING_FIELD, LONG_VALUE, CONTROL_CHARACTER, NOT_AN_OBJECT, PAGE_OVERFLOW;

        /** Whether the fault spoils the data of an answer that is otherwise served as usual. */
        public boolean spoilsData() {
            return ordinal() >= WRONG_TYPE.ordinal();
        }

        boolean needsField() {
            return this == WRONG_TYPE || this == MISSING_FIELD || this == LONG_VALUE || this == CONTROL_CHARACTER;
        }
    }

    /** Body of {@code POST /_control/faults}; {@code field} and {@code record} are for the data faults. */
    public record FaultRequest(String operation, String type, Integer count, Double rate, Long delayMs, Integer status,
                               String field, Integer record) {
        public FaultRequest(String operation, String type, Integer count, Double rate, Long delayMs, Integer status) {
            this(operation, type, count, rate, delayMs, status, null, null);
        }
    }

    /**
     * An armed fault as listed by {@code GET /_control/faults}: {@code count} as armed, {@code remaining} uses left
     * (both null for rate-based faults).
     */
    public record Fault(long id, String operation, FaultType type, Integer count, Integer remaining, Double rate,
                        long delayMs, int status, String field, int record) {
        boolean matches(String resource) {
            if (operation.equals("*")) {
                return true;
            }
            String wanted = operation.toLowerCase(Locale.ROOT);
            String actual = resource.toLowerCase(Locale.ROOT);
            return actual.equals(wanted) || actual.equals("x-sim/" + wanted);
        }
    }

    private static final long DEFAULT_TIMEOUT_MS = 35_000;
    private static final long DEFAULT_LATENCY_MS = 500;

    private final List<Fault> faults = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    public synchronized Fault add(FaultRequest request) {
        if (request.operation() == null || request.operation().isBlank()) {
            throw new IllegalArgumentException("operation is required (a resource name such as pick or OrderShipment, or *)");
        }
        FaultType type = parseType(request.type());
        if (request.rate() != null && (request.rate() < 0.0 || request.rate() > 1.0)) {
            throw new IllegalArgumentException("rate must be between 0.0 and 1.0");
        }
        if (request.count() != null && request.count() < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        // Without count or rate a fault applies once.
        Integer remaining = request.count() != null ? request.count() : request.rate() == null ? Integer.valueOf(1) : null;
        long delay = request.delayMs() != null ? request.delayMs()
                : type == FaultType.TIMEOUT ? DEFAULT_TIMEOUT_MS : DEFAULT_LATENCY_MS;
        int status = request.status() != null ? request.status() : type == FaultType.RATE_LIMIT ? 429 : 500;
        if (type.needsField() && (request.field() == null || request.field().isBlank())) {
            throw new IllegalArgumentException("field is required for a " + type + " fault (the record's field to spoil,"
                    + " e.g. last_mod)");
        }
        if (request.record() != null && request.record() < 0) {
            throw new IllegalArgumentException("record must be 0 or more (the index of the record to spoil)");
        }
        Fault fault = new Fault(ids.incrementAndGet(), request.operation().trim(), type, remaining, remaining,
                request.rate(), delay, status, request.field() == null ? null : request.field().trim(),
                request.record() == null ? 0 : request.record());
        faults.add(fault);
        return fault;
    }

    /** The fault to apply to this call, if any; consumes one use of a counted fault. */
    public synchronized Fault next(String resource) {
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            if (!f.matches(resource)) {
                continue;
            }
            if (f.rate() != null && ThreadLocalRandom.current().nextDouble() >= f.rate()) {
                continue;
            }
            if (f.remaining() != null) {
                int left = f.remaining() - 1;
                if (left == 0) {
                    faults.remove(i);
                } else {
                    faults.set(i, new Fault(f.id(), f.operation(), f.type(), f.count(), left, f.rate(), f.delayMs(), f.status(),
                            f.field(), f.record()));
                }
            }
            return f;
        }
        return null;
    }

    public synchronized List<Fault> list() {
        return List.copyOf(faults);
    }

    public synchronized void clear() {
        faults.clear();
    }

    private static FaultType parseType(String type) {
        if (type == null) {
            throw new IllegalArgumentException("type is required");
        }
        try {
            return FaultType.valueOf(type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("type '" + type + "' is not supported by the Blue Cherry simulator"
                    + " (LATENCY, TIMEOUT, HTTP_5XX, HTML, MALFORMED, RATE_LIMIT; data: WRONG_TYPE, MISSING_FIELD,"
                    + " LONG_VALUE, CONTROL_CHARACTER, NOT_AN_OBJECT, PAGE_OVERFLOW)");
        }
    }
}
