-- Despatch confirmations are built from Peoplevox's "Despatch summary" report, one row per item. A despatch is taken
-- only when a second read of the report finds the same lines as the read before it, so a despatch whose rows Peoplevox
-- is still writing (its lines spread over two reads) is never sent to Blue Cherry half. One row per despatch read and
-- not taken yet: what its last read found (a digest of its lines) and which read that was. Deleted when it is taken.
create table despatch_reading (
    despatch_number varchar(60)  primary key,
    lines_digest    varchar(64)  not null,
    read_id         varchar(36)  not null,
    read_at         timestamp with time zone not null
);
