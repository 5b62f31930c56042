-- The item flow leaves out a style whose Blue Cherry record and whose mapping are as they were when every one of its
-- SKUs last went through (sent, or found unchanged): SHA-256 of the style (without last_mod) and of the mapping.
-- Cleared on a SKU's row when the SKU is sent, so a style only part of which went through is mapped again.
alter table item_sku add column style_fingerprint varchar(64);
