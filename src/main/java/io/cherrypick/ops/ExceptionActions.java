package io.cherrypick.ops;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.cherrypick.handoff.HandoffRecord;
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.store.AuditLog;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;

/** What support does with an exception: replay it, resolve it or discard it, always with who and why in the audit log. */
@Service
public class ExceptionActions {
    private final ExceptionStore exceptions;
    private final HandoffStore handoff;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    public ExceptionActions(ExceptionStore exceptions, HandoffStore handoff, AuditLog audit, TransactionTemplate tx) {
        this.exceptions = exceptions;
        this.handoff = handoff;
        this.audit = audit;
        this.tx = tx;
    }

    /** Thrown when an action does not apply to the exception as it stands; the message says why. */
    public static class NotActionable extends RuntimeException {
        public NotActionable(String message) {
            super(message);
        }
    }

    /** Queues the exception's record again; its flow re-validates and sends it (never a revision already sent). */
    @Transactional
    public ExceptionRecord replay(long id, String actor) {
        ExceptionRecord e = exceptions.find(id).orElseThrow(() -> new NotActionable("exception " + id + " does not exist"));
        if (!ExceptionRecord.OPEN.equals(e.status())) {
            throw new NotActionable("exception " + id + " is " + e.status() + "; only OPEN exceptions can be replayed");
        }
        if (e.handoffId() == null) {
            throw new NotActionable("exception " + id + " (" + e.flow() + " " + e.businessKey()
                    + ") has no stored record to send again; its route retries on its own schedule. Resolve it once fixed.");
        }
        HandoffRecord row = handoff.find(e.handoffId()).orElseThrow(() -> new NotActionable(
                "exception " + id + ": its hand-off record " + e.handoffId() + " no longer exists"));
        if (HandoffStore.SUPERSEDED.equals(row.status())) {
            throw new NotActionable("exception " + id + ": " + row.key() + " revision " + row.revision()
                    + " was superseded by a newer revision from Blue Cherry, which is processed on its own");
        }
        if (!handoff.requeue(row.id())) {
            throw new NotActionable("exception " + id + ": " + row.key() + " is " + row.status() + ", not held or failed");
        }
        exceptions.action(id, ExceptionRecord.REPLAYED, actor, "replayed");
        audit.record(actor, "REPLAY", "exception", Long.toString(id), e.flow() + " " + e.businessKey() + " revision " + row.revision());
        return exceptions.find(id).orElseThrow();
    }

    /**
     * Replays every open exception matching the filter, each in a transaction of its own (as {@link #replay}: the
     * requeue, the status and the audit entry together, or none of them); returns the ids replayed and, per id, why one
     * was not.
     */
    public BulkResult replayAll(String category, String flow, String actor) {
        List<ExceptionRecord> open = exceptions.list(ExceptionRecord.OPEN, category, flow, null, 10_000);
        BulkResult result = new BulkResult(new java.util.ArrayList<>(), new java.util.LinkedHashMap<>());
        for (ExceptionRecord e : open) {
            try {
                tx.executeWithoutResult(status -> replay(e.id(), actor)); // a call on this, so not through the proxy
                result.replayed().add(e.id());
            } catch (NotActionable n) {
                result.skipped().put(e.id(), n.getMessage());
            }
        }
        return result;
    }

    public record BulkResult(List<Long> replayed, Map<Long, String> skipped) {
    }

    @Transactional
    public ExceptionRecord close(long id, String newStatus, String actor, String reason) {
        if (reason == null || reason.isBlank()) {
            String verb = ExceptionRecord.RESOLVED.equals(newStatus) ? "resolve" : "discard";
            throw new NotActionable("exception " + id + ": say why you " + verb + " it (field reason is empty)");
        }
        ExceptionRecord e = exceptions.find(id).orElseThrow(() -> new NotActionable("exception " + id + " does not exist"));
        if (!exceptions.action(id, newStatus, actor, reason)) {
            throw new NotActionable("exception " + id + " is " + e.status() + " and cannot be " + newStatus.toLowerCase());
        }
        audit.record(actor, newStatus.equals(ExceptionRecord.RESOLVED) ? "RESOLVE" : "DISCARD", "exception",
                Long.toString(id), e.flow() + " " + e.businessKey() + ": " + reason);
        return exceptions.find(id).orElseThrow();
    }
}
