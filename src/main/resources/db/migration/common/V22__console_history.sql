-- The console's charts read their history from the database, so every instance of a cluster shows the same picture.
-- Both tables hold one row per minute and are purged by age (cherrypick.ops.history.keep, route ops-history-purge).

-- Calls made to an external system (peoplevox, bluecherry) in one minute, summed over the instances: each instance
-- adds the calls it made (cherrypick.ops.history.flush). rate_limited: refused for the rate limit; failed: any other
-- outcome than ok.
create table api_call_minute (
    system       varchar(20) not null,
    at_minute    timestamp with time zone not null,
    calls        integer default 0 not null,
    rate_limited integer default 0 not null,
    failed       integer default 0 not null,
    primary key (system, at_minute)
);

-- Each hand-off queue's backlog, sampled once a minute by one instance (route ops-backlog-sample): records waiting
-- (pending or being worked on), records waiting for a person (held or failed), and the oldest waiting one's age.
create table flow_backlog_minute (
    queue          varchar(60) not null,
    at_minute      timestamp with time zone not null,
    waiting        integer not null,
    held           integer not null,
    oldest_seconds bigint,
    primary key (queue, at_minute)
);
