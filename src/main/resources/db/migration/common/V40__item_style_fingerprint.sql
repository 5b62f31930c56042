-- The item flow leaves out a style whose SKUs give the mapping what they gave when every one of them last went through
-- (sent, or found unchanged): SHA-256 of what the mapping reads of each SKU and of the mapping, and the number of SKUs.
-- Deleted when a SKU of the style is sent, so a style only part of which went through is mapped again.
create table item_style (
    style       varchar(100) primary key,
    fingerprint varchar(64)  not null,
    skus        integer      not null,
    marked_at   timestamp with time zone not null
);
