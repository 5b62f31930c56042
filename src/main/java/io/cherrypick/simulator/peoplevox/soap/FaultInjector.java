package io.cherrypick.simulator.peoplevox.soap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Holds injected faults and picks the one (if any) that applies to a call. */
public final class FaultInjector {
    public static final long DEFAULT_TIMEOUT_MS = 35_000;
    public static final long DEFAULT_LATENCY_MS = 1_000;
    public static final int DEFAULT_HTTP_STATUS = 500;

    private final List<Fault> faults = new ArrayList<>();
    private long nextId = 1;

    /**
     * Adds a fault; with neither count nor rate it applies to the next call.
     *
     * @throws IllegalArgumentException for a missing operation, both count and rate, or out-of-range values
     */
    public synchronized Fault add(String operation, FaultType type, Integer count, Double rate, Long delayMs,
            Integer status, String column, String renamedTo) {
        if (operation == null || operation.isBlank()) {
            throw new IllegalArgumentException("operation is required (a SOAP operation name or \"*\")");
        }
        if (type == null) {
            throw new IllegalArgumentException("type is required: one of " + List.of(FaultType.values()));
        }
        if (count != null && rate != null) {
            throw new IllegalArgumentException("Give count or rate, not both");
        }
        if (count != null && count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        if (rate != null && (rate < 0 || rate > 1)) {
            throw new IllegalArgumentException("rate must be between 0.0 and 1.0");
        }
        if (delayMs != null && delayMs < 0) {
            throw new IllegalArgumentException("delayMs must not be negative");
        }
        if (status != null && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("status must be an HTTP status code");
        }
        if (type == FaultType.RENAMED_COLUMN && (column == null || column.isBlank() || renamedTo == null)) {
            throw new IllegalArgumentException("RENAMED_COLUMN needs column (the Detail column) and renamedTo");
        }
        Long delay = delayMs;
        if (delay == null && type == FaultType.TIMEOUT) {
            delay = DEFAULT_TIMEOUT_MS;
        } else if (delay == null && type == FaultType.LATENCY) {
            delay = DEFAULT_LATENCY_MS;
        }
        Integer httpStatus = status;
        if (httpStatus == null && type == FaultType.HTTP_5XX) {
            httpStatus = DEFAULT_HTTP_STATUS;
        }
        Integer remaining = count;
        if (rate == null && count == null) {
            remaining = 1;
        }
        Fault fault = new Fault(nextId++, operation.trim(), type, remaining, rate, delay, httpStatus, column, renamedTo);
        faults.add(fault);
        return fault;
    }

    /** The first fault matching the operation that fires for this call; count-based faults are used up. */
    public synchronized Optional<Fault> next(String operation) {
        for (int index = 0; index < faults.size(); index++) {
            Fault fault = faults.get(index);
            if (!fault.operation().equals("*") && !fault.operation().equalsIgnoreCase(operation)) {
                continue;
            }
            if (fault.rate() != null) {
                if (ThreadLocalRandom.current().nextDouble() < fault.rate()) {
                    return Optional.of(fault);
                }
                continue;
            }
            if (fault.count() > 1) {
                faults.set(index, new Fault(fault.id(), fault.operation(), fault.type(), fault.count() - 1, null,
                        fault.delayMs(), fault.status(), fault.column(), fault.renamedTo()));
            } else {
                faults.remove(index);
            }
            return Optional.of(fault);
        }
        return Optional.empty();
    }

    public synchronized List<Fault> list() {
        return List.copyOf(faults);
    }

    public synchronized void clear() {
        faults.clear();
    }
}
