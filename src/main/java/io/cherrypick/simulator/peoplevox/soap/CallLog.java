package io.cherrypick.simulator.peoplevox.soap;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Every SOAP call the simulator answered, so tests can count calls per business record.
 *
 * @param rows       SaveData: data rows sent; GetData / GetReportData: rows returned; else null
 * @param responseId ResponseId answered, null when a fault answered instead
 */
public final class CallLog {
    public record Call(String operation, String template, Integer rows, Integer responseId, Instant at) {
    }

    /** the newest calls kept: enough for a long chaos run's accounting (a call is a few dozen bytes) */
    private static final int LIMIT = 200_000;
    private final Deque<Call> calls = new ArrayDeque<>();

    public synchronized void add(Call call) {
        calls.addLast(call);
        while (calls.size() > LIMIT) {
            calls.removeFirst();
        }
    }

    /** Calls in order, filtered by operation and template when given (case-insensitive). */
    public synchronized List<Call> find(String operation, String template) {
        return calls.stream()
                .filter(call -> operation == null || operation.equalsIgnoreCase(call.operation()))
                .filter(call -> template == null || template.equalsIgnoreCase(call.template()))
                .toList();
    }

    public synchronized void clear() {
        calls.clear();
    }
}
