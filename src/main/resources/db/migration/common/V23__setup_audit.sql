-- Setup audits run through POST /api/audit: one row per run, the report (JSON) updated as it runs, so any instance of a
-- cluster can answer GET /api/audit/runs/{id} and the console finds the latest one. A RUNNING row whose heartbeat is old
-- belongs to an instance that stopped. The command (java -jar cherrypick.jar audit) stores nothing.
create table setup_audit_run (
    id            varchar(36)  primary key,
    status        varchar(16)  not null,
    verdict       varchar(8),
    started_by    varchar(100) not null,
    started_at    timestamp with time zone not null,
    finished_at   timestamp with time zone,
    heartbeat_at  timestamp with time zone not null,
    report        text         not null
);
create index ix_setup_audit_run_started on setup_audit_run (started_at);

-- One audit at a time in the cluster: starting one locks this row (select ... for update), looks for a running one and
-- inserts its own in the same transaction, so two instances asked at once start one audit between them.
create table setup_audit_lock (
    name varchar(32) primary key
);
insert into setup_audit_lock (name) values ('setup-audit');
