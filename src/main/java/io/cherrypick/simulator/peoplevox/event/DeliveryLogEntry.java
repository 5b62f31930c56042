package io.cherrypick.simulator.peoplevox.event;

import java.time.Instant;

/**
 * One webhook delivery as the control API shows it.
 *
 * @param state      PENDING (waiting or retrying), DELIVERED (2xx), FAILED (gave up), DROPPED (simulator reset)
 * @param status     HTTP status of the last attempt, null when no response came
 * @param duplicate  true for the extra copy sent because of duplicateRate
 * @param delayed    true when held back because of reorderRate
 */
public record DeliveryLogEntry(long id, int subscriptionId, String eventType, String method, String url, String body,
        String state, Integer status, int attempts, String error, boolean duplicate, boolean delayed,
        Instant createdAt, Instant lastAttemptAt) {
}
