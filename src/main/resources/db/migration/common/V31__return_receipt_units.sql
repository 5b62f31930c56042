-- A return code + item can be booked in more than once (a second parcel, a later count). Each receipt is the range of
-- units (units_from, units_to] of the running total Peoplevox shows for the return code + item: a later booking is a new
-- range, a repeat of one already stored is not, and two ranges never start at the same unit, so no unit is credited
-- twice. Receipts stored before: the first range of their return code + item.
alter table return_receipt add column units_from integer;
alter table return_receipt add column units_to integer;
update return_receipt set units_from = 0, units_to = quantity;
alter table return_receipt alter column units_from set not null;
alter table return_receipt alter column units_to set not null;
alter table return_receipt drop constraint uq_return_receipt;
alter table return_receipt add constraint uq_return_receipt_units unique (return_code, item_code, units_from);
