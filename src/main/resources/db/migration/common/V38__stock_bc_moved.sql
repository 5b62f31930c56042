-- Blue Cherry moves its own stock when Cherrypick posts a shipment (less on hand), a return receipt or a production
-- receipt (more). The PhysicalInventoryTM overlay sets an absolute quantity, so a document that lands after an overlay
-- whose Peoplevox level already counted its units moves Blue Cherry a second time, and the level, unchanged in
-- Peoplevox, was never sent again (the chaos run found Blue Cherry short at the despatch site). bc_moved_at: a document
-- of Cherrypick moved this SKU and site in Blue Cherry since the overlay that told it; the next overlay sends the
-- level again, and only an overlay read after the movement clears it.
alter table stock_level add column bc_moved_at timestamp with time zone;
