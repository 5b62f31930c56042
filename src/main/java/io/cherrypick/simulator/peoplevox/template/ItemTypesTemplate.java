package io.cherrypick.simulator.peoplevox.template;

import static io.cherrypick.simulator.peoplevox.template.FieldSpec.bool;
import static io.cherrypick.simulator.peoplevox.template.FieldSpec.decimal;
import static io.cherrypick.simulator.peoplevox.template.FieldSpec.integer;
import static io.cherrypick.simulator.peoplevox.template.FieldSpec.text;

import io.cherrypick.simulator.peoplevox.warehouse.OrderStatus;
import io.cherrypick.simulator.peoplevox.warehouse.Record;
import io.cherrypick.simulator.peoplevox.warehouse.SalesOrder;
import io.cherrypick.simulator.peoplevox.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.List;

/**
 * Item types (reference §8.2): keyed by ItemCode; ItemCode and Barcode required. A barcode identifies one item:
 * it may not be another item's Barcode or ItemCode, and an ItemCode may not be another item's Barcode.
 */
final class ItemTypesTemplate extends KeyedTemplate {
    static final String NAME = "Item types";

    ItemTypesTemplate() {
        super(NAME, fields(), fields().stream().map(FieldSpec::name).toList(), "ItemCode", Warehouse.Table.ITEMS,
                List.of("ItemCode", "Barcode"));
    }

    private static List<FieldSpec> fields() {
        List<FieldSpec> fields = new ArrayList<>(List.of(
                text("ItemCode", 50), text("Name", 50), text("Barcode", 50), text("ItemGroup"), decimal("RetailPrice"),
                text("Description", 250), text("UnitOfMeasure", 10), integer("DefaultEconomicOrderQuantity"),
                integer("DefaultLeadTime"), text("DefaultSuppliersPartNumber"), bool("HasSerialNumbers"),
                bool("UseManufacturersSerialNumber"), integer("ReorderPoint"), text("Traceability"),
                integer("ShelfLife"), integer("DefaultNumberItemsPerContainer"), text("DefaultContainerType"),
                integer("DefaultNumberItemsPerOuterCase"), integer("DefaultNumberItemsPerInnerCase"),
                decimal("BuyPrice"), decimal("WholesalePrice"), decimal("Weight"), text("WeightMeasure", 10),
                decimal("Height"), decimal("Width"), decimal("Depth"), text("DimensionMeasure", 10),
                text("Tags", 8000)));
        fields.addAll(FieldSpec.attributes(15));
        fields.addAll(List.of(text("TaxCode"), integer("MinimumPickLocationQuantity"),
                integer("DefaultReplenishmentQuantity")));
        return fields;
    }

    @Override
    List<String> keyFields(ParsedRow row) {
        return List.of("ItemCode");
    }

    @Override
    void applyCreateDefaults(Record created) {
        if (created.get("UnitOfMeasure") == null) {
            created.put("UnitOfMeasure", "EA");
        }
    }

    @Override
    String validate(Warehouse warehouse, Record merged, Record existing) {
        String itemCode = merged.text("ItemCode");
        String barcode = merged.text("Barcode");
        String barcodeOwner = warehouse.itemCodeWithBarcode(barcode);
        if (barcodeOwner != null && !barcodeOwner.equals(itemCode)) {
            return "Barcode '" + barcode + "' is already used by item '" + barcodeOwner + "'";
        }
        Record itemWithThatCode = warehouse.item(barcode);
        if (itemWithThatCode != null && !barcode.equals(itemCode)) {
            return "Barcode '" + barcode + "' is already the ItemCode of item '" + barcode + "'";
        }
        String codeOwner = warehouse.itemCodeWithBarcode(itemCode);
        if (codeOwner != null && !codeOwner.equals(itemCode)) {
            return "ItemCode '" + itemCode + "' is already the Barcode of item '" + codeOwner + "'";
        }
        return null;
    }

    @Override
    void afterSave(Warehouse warehouse, Record previous, Record saved) {
        warehouse.indexBarcode(previous == null ? null : previous.text("Barcode"), saved.text("Barcode"), saved.text("ItemCode"));
    }

    @Override
    String validateDelete(Warehouse warehouse, Record existing) {
        String itemCode = existing.text("ItemCode");
        if (warehouse.hasStock(itemCode)) {
            return "Item '" + itemCode + "' has stock and cannot be deleted";
        }
        for (SalesOrder order : warehouse.orders()) {
            boolean open = order.status() != OrderStatus.DESPATCHED && order.status() != OrderStatus.CANCELLED;
            if (open && order.lines().stream().anyMatch(line -> itemCode.equals(line.itemCode()))) {
                return "Item '" + itemCode + "' is on open sales order '" + order.number() + "' and cannot be deleted";
            }
        }
        return null;
    }

    @Override
    void afterDelete(Warehouse warehouse, Record deleted, String oldItemCode) {
        warehouse.forgetStock(oldItemCode);
        // a deactivated item keeps its barcode, now under its ~D~ code
        warehouse.indexBarcode(deleted.text("Barcode"), deleted.text("Barcode"), deleted.text("ItemCode"));
    }
}
