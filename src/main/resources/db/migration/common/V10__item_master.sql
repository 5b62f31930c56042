-- Item master flow. What the item flow last sent to Peoplevox, per ItemCode: the Blue Cherry SKU it came from and
-- the mapped Item types row. The drift check compares Peoplevox with it; a UPC or code that a second SKU brings is
-- caught against it. (The fingerprint of the row lives in pvx_item, with everything else known to be in Peoplevox.)
create table item_sku (
    item_code  varchar(50)  primary key,
    style      varchar(100) not null,
    color_code varchar(100) not null,
    lbl_code   varchar(100) not null,
    dimension  varchar(100) not null,
    size_desc  varchar(100) not null,
    barcode    varchar(50),
    revision   varchar(40),
    mapped_row text         not null,
    synced_at  timestamp with time zone not null
);
create index ix_item_sku_style on item_sku (style);

-- Duplicate-barcode checks look items up by barcode.
create index ix_pvx_item_barcode on pvx_item (barcode);
