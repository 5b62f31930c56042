package io.cherrypick.store;

import java.time.Instant;

/** One event received (webhook, report poll) as stored in the inbox, before or after it was processed. */
public record InboxEvent(long id, String flow, String eventKey, String eventType, String payload, String status,
                         int attempts, Instant receivedAt) {
}
