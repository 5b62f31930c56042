package io.cherrypick.store;

import java.time.Instant;

/**
 * One record waiting to be sent. {@code recovered} is true when the row was claimed by an instance that never finished
 * (crash or stop between claim and outcome): the sender must check what the target already has before sending again.
 */
public record OutboxRow(long id, String flow, String businessKey, String revision, String payload, String status,
                        int attempts, Instant createdAt, boolean recovered) {
}
