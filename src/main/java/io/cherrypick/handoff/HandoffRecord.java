package io.cherrypick.handoff;

import java.time.Instant;

/**
 * One record in the durable hand-off: a record to send (a pick revision, a despatch, a style) or an event received.
 * {@code recovered} is true when an earlier claim of it was taken over from an instance that stopped mid-send: the
 * target may already hold it, so the flow looks before sending again; {@code recoveries} counts those take-overs (a
 * record whose processing keeps stopping its instance is held after {@code cherrypick.handoff.max-recoveries}).
 * {@code firstAttemptAt} is when its first failed attempt was made (null: none yet), where its retry budget starts.
 */
public record HandoffRecord(long id, String queue, String key, String revision, String type, String payload,
                            String status, int attempts, boolean recovered, Instant createdAt, String claimToken,
                            String note, int recoveries, Instant firstAttemptAt) {

    /** Whether an earlier attempt may have reached the target (it broke off, or its instance stopped mid-send). */
    public boolean triedBefore() {
        return recovered || attempts > 0;
    }
}
