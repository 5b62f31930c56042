-- The despatch and returns flows on the hand-off (routes/despatch-from-wms.camel.yaml, routes/returns.camel.yaml).

-- Shipments and return receipts Blue Cherry took are remembered under their queue's name (handoff: option idempotent,
-- by key) instead of the route id of the Java sender they replace.
update CAMEL_MESSAGEPROCESSED set processorName = 'despatch' where processorName = 'despatch-to-blue-cherry';
update CAMEL_MESSAGEPROCESSED set processorName = 'return-receipt' where processorName = 'return-receipt-to-erp';

-- The report polls (peoplevox:report) and the RA pull (bluecherry:) are polling consumers scheduled by clustered Quartz
-- under the trigger keys of the quartz: routes they replace (cherrypick / despatch-report-poll, return-summary-poll,
-- return-authorisation-pull), with jobs of their own; the old jobs go. The despatch sender is a handoff: consumer now:
-- its Quartz trigger (cherrypick / despatch-to-blue-cherry) goes too. The date cursors keep their names and values.
delete from qrtz_cron_triggers where sched_name = 'cherrypick' and trigger_group = 'cherrypick'
    and trigger_name in ('despatch-report-poll', 'despatch-to-blue-cherry', 'return-authorisation-pull', 'return-summary-poll');
delete from qrtz_triggers where sched_name = 'cherrypick' and trigger_group = 'cherrypick'
    and trigger_name in ('despatch-report-poll', 'despatch-to-blue-cherry', 'return-authorisation-pull', 'return-summary-poll');
delete from qrtz_job_details where sched_name = 'cherrypick' and job_group = 'cherrypick'
    and job_name in ('despatch-report-poll', 'despatch-to-blue-cherry', 'return-authorisation-pull', 'return-summary-poll');
