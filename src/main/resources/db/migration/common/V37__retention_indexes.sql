-- Retention (routes/ops-retention.camel.yaml) deletes hand-off rows of the sending queues unless an open exception
-- points at them, and idempotency keys by age. Without these, each row a purge looks at would read every exception,
-- and the key purge every key. The hand-off's own purges need no index of their own: they read the queue's due index
-- (queue, status, next_attempt_at) over the stretch of time they purge, and look a record's other rows up by
-- (queue, record_key, status).
create index ix_exception_handoff on integration_exception (handoff_id);
create index ix_messageprocessed_created on CAMEL_MESSAGEPROCESSED (createdAt);
