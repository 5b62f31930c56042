-- Outages: one row per system Cherrypick calls (Peoplevox, Blue Cherry, Channel <name>), shared by every instance.
--   failures         calls in a row that failed with a fault of an outage (timeout, 5xx, no connection, credentials
--                    refused), from any instance; an answer sets it back to 0
--   down_since       set when failures reached cherrypick.outages.failures-to-open: the system is down, its queues
--                    wait; cleared by the first answer. Setting and clearing it are single conditional updates, so one
--                    instance alone writes the "down" alert and one the "back" alert
--   probe_at         while down: when the next instance may send one record to try the system
--   last_error       the last failure, told in the alert
create table system_outage (
    system      varchar(100) primary key,
    failures    integer default 0 not null,
    down_since  timestamp with time zone,
    probe_at    timestamp with time zone,
    last_error  varchar(1000),
    updated_at  timestamp with time zone not null
);

-- The retry budget is time-based: when the record's first failed attempt was made (null: none, or its system was down
-- since, which does not count)
alter table handoff add column first_attempt_at timestamp with time zone;
