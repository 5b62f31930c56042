-- Peoplevox pacing shared by every instance (cherrypick.peoplevox.rate-limit; SharedPacingBudget). One budget per
-- Peoplevox client id. All times are the database's clock, so instances whose clocks disagree still agree.

-- The budget: its row is locked while an instance takes a slot (one taker at a time, cluster-wide). backoff_until:
-- after Peoplevox refused a call for the rate limit, no instance calls before this time.
create table peoplevox_pacing (
    budget         varchar(200)  primary key,
    backoff_until  timestamp with time zone not null,
    refusals       bigint        default 0 not null,
    last_refusal   varchar(1000),
    refused_at     timestamp with time zone
);

-- The budget's slots, one per call allowed in a period (requests - safety-margin). A slot is free from free_at. A call
-- holds its slot (holder set, free_at = a lease: the call's timeout and a period, so a slot held by an instance that
-- died comes back) and, when the call has ended, frees it a period after the end.
create table peoplevox_pacing_slot (
    budget   varchar(200)  not null,
    slot     integer       not null,
    free_at  timestamp with time zone not null,
    holder   varchar(100),
    primary key (budget, slot)
);
