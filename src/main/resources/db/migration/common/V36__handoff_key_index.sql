-- The look-ups of one record's rows in a queue (has a revision gone through? which unsent revisions does a newer one
-- supersede?) name the queue, the key and the status. Two indexes served them equally well on paper, (queue, status,
-- next_attempt_at) and (queue, record_key, revision), and H2 takes the first of equals: after V32 rebuilt the table it
-- took the first, which reads every waiting row of the queue for each record (at 10,000 queued picks, the order pull
-- spent most of its time there). This index answers them exactly.
create index ix_handoff_queue_key_status on handoff (queue, record_key, status);
