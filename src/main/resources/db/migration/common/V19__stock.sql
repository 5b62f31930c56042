-- Stock flow on the hand-off: the due pushes to the sales channels move from stock_channel (a queue of its own, with
-- its own claims and backoff) to the hand-off table, queue 'stock-channel:<channel>', one record per push of a SKU at
-- a site (record_key '<item>|<site>'), claimed, retried and recovered like every other queue. stock_channel keeps only
-- what each channel was last told.

-- pushes due at the upgrade are not lost
insert into handoff (queue, record_key, revision, record_type, payload, status, attempts, next_attempt_at, created_at,
                     updated_at)
select 'stock-channel:' || channel, item_code || '|' || site, 'V19', 'StockLevel',
       '{"itemCode":"' || item_code || '","site":"' || site || '"}', 'PENDING', 0, due_at, due_at, due_at
from stock_channel
where due_at is not null;

drop index ix_stock_channel_due;
alter table stock_channel drop column due_at;
alter table stock_channel drop column change_seq;
alter table stock_channel drop column attempts;
alter table stock_channel drop column claimed_by;
alter table stock_channel drop column claimed_at;
