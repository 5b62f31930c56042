package io.cherrypick.handoff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The records one {@code handoff:} consumer run claimed, kept on the exchange (property {@link #PROPERTY}) while the
 * route works on them. Steps that work record by record ({@code split} with the {@code handoffRecords} strategy) note
 * here which record failed and which a step stopped on purpose; when the run ends the consumer settles every record
 * still claimed from these notes: failed ones are retried or dead-lettered, stopped ones skipped with their reason.
 */
public final class HandoffBatch {
    public static final String PROPERTY = "CherrypickHandoffBatch";

    private final String token;
    private final Map<Long, HandoffRecord> records = new LinkedHashMap<>();
    private final Map<Long, Throwable> failures = new ConcurrentHashMap<>();
    private final Map<Long, String> skipReasons = new ConcurrentHashMap<>();

    public HandoffBatch(String token, List<HandoffRecord> records) {
        this.token = token;
        records.forEach(r -> this.records.put(r.id(), r));
    }

    public String token() {
        return token;
    }

    public List<Long> ids() {
        return List.copyOf(records.keySet());
    }

    public HandoffRecord record(long id) {
        return records.get(id);
    }

    public void failed(long id, Throwable cause) {
        failures.putIfAbsent(id, cause);
    }

    public void skipped(long id, String reason) {
        skipReasons.putIfAbsent(id, reason == null ? "" : reason);
    }

    public Throwable failureOf(long id) {
        return failures.get(id);
    }

    public String skipReasonOf(long id) {
        return skipReasons.get(id);
    }
}
