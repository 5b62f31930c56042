-- Blue Cherry document numbers (the isa_num of a shipment or a production receipt, the serial of a carton's SSCC):
-- allocated once per record from one durable allocator and sent unchanged on every resend, so Blue Cherry refuses a
-- resend as a duplicate instead of taking a second document.
--   kind         what is numbered: the hand-off queue of the record (despatch, goods-receipt, return-receipt) or a part
--                of one (despatch-carton)
--   record_key   the record's key in that queue (a despatch number, reference|item, ...); a carton: despatch/package
--   number       the next number of its kind, never given twice: allocated as the kind's highest + 1, a race between
--                instances settled by the unique constraint
--   maybe_posted a POST carrying this number went out and was not refused: Blue Cherry may hold it (an accepted post,
--                or one whose answer was lost). A "Duplicate" answer counts as posted only then; for a number never
--                sent it means another document holds the number.
create table document_number (
    kind         varchar(40)  not null,
    record_key   varchar(200) not null,
    number       bigint       not null,
    maybe_posted boolean      default false not null,
    sends        integer      default 0 not null,
    allocated_at timestamp with time zone not null,
    last_sent_at timestamp with time zone,
    primary key (kind, record_key),
    constraint uq_document_number unique (kind, number)
);

-- The numbers given so far came from the rows' own ids: they are kept (and may have been posted).
insert into document_number (kind, record_key, number, maybe_posted, allocated_at)
    select 'despatch', despatch_number, id, true, created_at from despatch;
insert into document_number (kind, record_key, number, maybe_posted, allocated_at)
    select 'despatch-carton', despatch_number || '/' || package_number, id, true, current_timestamp from despatch_carton;
insert into document_number (kind, record_key, number, maybe_posted, allocated_at)
    select 'goods-receipt', reference || '|' || item_code, id, true, received_at from goods_receipt;
