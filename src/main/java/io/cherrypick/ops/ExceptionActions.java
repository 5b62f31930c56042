package io.cherrypick.ops;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.cherrypick.handoff.HandoffComponent;
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
    private final HandoffComponent handoffs;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    public ExceptionActions(ExceptionStore exceptions, HandoffStore handoff, HandoffComponent handoffs, AuditLog audit,
                            TransactionTemplate tx) {
        this.exceptions = exceptions;
        this.handoff = handoff;
        this.handoffs = handoffs;
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
        Optional<String> refusal = whyNotReplay(e);
        if (refusal.isPresent()) {
            throw new NotActionable(refusal.get());
        }
        HandoffRecord row = handoff.find(e.handoffId()).orElseThrow();
        if (!handoff.requeue(row.id())) {
            throw new NotActionable("exception " + id + ": " + row.key() + " is " + row.status() + ", not held or failed");
        }
        exceptions.action(id, ExceptionRecord.REPLAYED, actor, "replayed");
        audit.record(actor, "REPLAY", "exception", Long.toString(id), e.flow() + " " + e.businessKey() + " revision " + row.revision());
        return exceptions.find(id).orElseThrow();
    }

    /** Why the exception cannot be replayed as it stands, or nothing when it can. */
    public Optional<String> whyNotReplay(ExceptionRecord e) {
        long id = e.id();
        if (!ExceptionRecord.OPEN.equals(e.status())) {
            return Optional.of("exception " + id + " is " + e.status() + "; only OPEN exceptions can be replayed");
        }
        if (e.handoffId() == null) {
            return Optional.of("exception " + id + " (" + e.flow() + " " + e.businessKey()
                    + ") has no stored record to send again; its route retries on its own schedule. Resolve it once fixed.");
        }
        Optional<HandoffRecord> row = handoff.find(e.handoffId());
        if (row.isEmpty()) {
            return Optional.of("exception " + id + ": its hand-off record " + e.handoffId() + " no longer exists");
        }
        if (HandoffStore.SUPERSEDED.equals(row.get().status())) {
            return Optional.of("exception " + id + ": " + row.get().key() + " revision " + row.get().revision()
                    + " was superseded by a newer revision from Blue Cherry, which is processed on its own");
        }
        if (!HandoffStore.HELD.equals(row.get().status()) && !HandoffStore.FAILED.equals(row.get().status())) {
            return Optional.of("exception " + id + ": " + row.get().key() + " is " + row.get().status()
                    + ", not held or failed");
        }
        return Optional.empty();
    }

    /** Why the exception cannot be resolved or discarded as it stands, or nothing when it can. */
    public static Optional<String> whyNotClose(ExceptionRecord e, String newStatus) {
        if (ExceptionRecord.OPEN.equals(e.status()) || ExceptionRecord.REPLAYED.equals(e.status())) {
            return Optional.empty();
        }
        return Optional.of("exception " + e.id() + " is " + e.status() + " and cannot be " + newStatus.toLowerCase());
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

    /** What a bulk action does to each exception: replay it, resolve it or discard it. */
    public enum BulkAction {
        REPLAY, RESOLVE, DISCARD;

        /** The status a resolve or discard leaves. */
        String closedStatus() {
            return this == RESOLVE ? ExceptionRecord.RESOLVED : ExceptionRecord.DISCARDED;
        }

        public static BulkAction of(String name) {
            for (BulkAction a : values()) {
                if (a.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                    return a;
                }
            }
            throw new NotActionable("action '" + name + "' is not one of replay, resolve, discard");
        }
    }

    /** One exception in a bulk action's preview: what it is, and whether the action will act on it or why not. */
    public record PreviewItem(long id, String flow, String businessKey, String category, String message, String status,
                              boolean willAct, String why) {
    }

    /** What a bulk action would do, exception by exception, before it acts. */
    public record Preview(BulkAction action, int willAct, int willSkip, List<PreviewItem> items) {
    }

    /** What a bulk action did: the ids acted on, and per id why one was not. */
    public record BulkOutcome(BulkAction action, List<Long> done, Map<Long, String> skipped) {
    }

    /** Says, for each exception, what {@code action} would do to it; changes nothing. */
    public Preview preview(BulkAction action, List<ExceptionRecord> candidates) {
        List<PreviewItem> items = new java.util.ArrayList<>();
        for (ExceptionRecord e : candidates) {
            Optional<String> refusal = action == BulkAction.REPLAY ? whyNotReplay(e) : whyNotClose(e, action.closedStatus());
            items.add(new PreviewItem(e.id(), e.flow(), e.businessKey(), e.category().name(), e.message(), e.status(),
                    refusal.isEmpty(), refusal.orElse(null)));
        }
        int acting = (int) items.stream().filter(PreviewItem::willAct).count();
        return new Preview(action, acting, items.size() - acting, items);
    }

    /**
     * Acts on the exceptions a preview listed (by id, so nothing that arrived after the preview is touched), each in a
     * transaction of its own with its audit entry; one that no longer qualifies is skipped with the reason.
     */
    public BulkOutcome apply(BulkAction action, List<Long> ids, String actor, String reason) {
        if (action != BulkAction.REPLAY && (reason == null || reason.isBlank())) {
            throw new NotActionable("say why you " + action.name().toLowerCase() + " these exceptions (field reason is empty)");
        }
        BulkOutcome outcome = new BulkOutcome(action, new java.util.ArrayList<>(), new java.util.LinkedHashMap<>());
        for (long id : ids) {
            try {
                tx.executeWithoutResult(status -> {
                    if (action == BulkAction.REPLAY) {
                        replay(id, actor);
                    } else {
                        close(id, action.closedStatus(), actor, reason);
                    }
                });
                outcome.done().add(id);
            } catch (NotActionable n) {
                outcome.skipped().put(id, n.getMessage());
            }
        }
        return outcome;
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
        if (e.handoffId() != null) {
            // the record no longer waits for a person: settled as skipped with who closed it and why, so nothing
            // (retention, the backlog, the console) counts it as waiting any more, a replay is no longer offered, and
            // its flow shows it (an order's lifecycle: skipped, with the note, instead of held with an open exception)
            handoffs.closeWaiting(e.handoffId(), "exception " + id + " " + newStatus.toLowerCase() + " by " + actor + ": "
                    + reason);
        }
        audit.record(actor, newStatus.equals(ExceptionRecord.RESOLVED) ? "RESOLVE" : "DISCARD", "exception",
                Long.toString(id), e.flow() + " " + e.businessKey() + ": " + reason);
        return exceptions.find(id).orElseThrow();
    }
}
