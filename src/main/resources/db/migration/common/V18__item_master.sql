-- Item master flow on the new mechanism (routes/item-master-to-wms.camel.yaml).
--
-- The style pull is now the bluecherry: polling consumer, scheduled by clustered Quartz under the same trigger key
-- (cherrypick / item-pull) with a job of its own; the quartz: endpoint's job it replaces goes. Its watermark stays
-- (cursor item-pull in sync_cursor), and queued styles stay in the hand-off (queue item).
delete from qrtz_cron_triggers where sched_name = 'cherrypick' and trigger_group = 'cherrypick'
    and trigger_name = 'item-pull';
delete from qrtz_triggers where sched_name = 'cherrypick' and trigger_group = 'cherrypick'
    and trigger_name = 'item-pull';
delete from qrtz_job_details where sched_name = 'cherrypick' and job_group = 'cherrypick' and job_name = 'item-pull';

-- A stalled pull or drift check was an exception of a flow named after its route; both now belong to flow item (key:
-- the pull's cursor; schedule:<route> for the check, as every scheduled run's), so the next successful run resolves an
-- open one.
update integration_exception set flow = 'item' where flow = 'item-pull' and business_key = flow;
update integration_exception set flow = 'item', business_key = 'schedule:item-drift-check'
    where flow = 'item-drift-check' and business_key = flow;
