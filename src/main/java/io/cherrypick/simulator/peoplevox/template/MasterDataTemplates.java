package io.cherrypick.simulator.peoplevox.template;

import static io.cherrypick.simulator.peoplevox.template.FieldSpec.dateTime;
import static io.cherrypick.simulator.peoplevox.template.FieldSpec.decimal;
import static io.cherrypick.simulator.peoplevox.template.FieldSpec.integer;
import static io.cherrypick.simulator.peoplevox.template.FieldSpec.text;

import io.cherrypick.simulator.peoplevox.warehouse.Record;
import io.cherrypick.simulator.peoplevox.warehouse.SalesOrder;
import io.cherrypick.simulator.peoplevox.warehouse.StockLevel;
import io.cherrypick.simulator.peoplevox.warehouse.Warehouse;
import java.util.List;
import java.util.Set;

/** The smaller keyed templates: Sites, Carriers, Service types, Purchase orders and their items, Returns. */
final class MasterDataTemplates {
    private MasterDataTemplates() {
    }

    static List<Template> all() {
        return List.of(new Sites(), new Carriers(), new ServiceTypes(), new PurchaseOrders(), new PurchaseOrderItems(),
                new ExpectedReturns());
    }

    private static String siteMustExist(Warehouse warehouse, Record record) {
        String site = record.text("Site");
        return site != null && warehouse.site(site) == null ? "Site '" + site + "' does not exist" : null;
    }

    /** Sites: Name, Reference (e.g. Primary, PrimarySite); keyed by Reference. */
    static final class Sites extends KeyedTemplate {
        Sites() {
            super("Sites", List.of(text("Name", 50), text("Reference", 50)), List.of("Name", "Reference"), "Reference",
                    Warehouse.Table.SITES, List.of("Name"));
        }

        @Override
        List<String> keyFields(ParsedRow row) {
            return List.of("Reference");
        }

        @Override
        String validateDelete(Warehouse warehouse, Record existing) {
            String reference = existing.text("Reference");
            for (StockLevel level : warehouse.stockLevels()) {
                if (level.siteReference().equals(reference) && (level.onHand() != 0 || level.allocated() != 0)) {
                    return "Site '" + reference + "' holds stock and cannot be deleted";
                }
            }
            return null;
        }
    }

    /** Carriers: Name, Reference; keyed by Name. */
    static final class Carriers extends KeyedTemplate {
        Carriers() {
            super("Carriers", List.of(text("Name", 50), text("Reference", 50)), List.of("Name", "Reference"), "Name",
                    Warehouse.Table.CARRIERS, List.of());
        }

        @Override
        List<String> keyFields(ParsedRow row) {
            return List.of("Name");
        }
    }

    /** Service types: Carrier, Name, Code; keyed by Name; the carrier must exist. */
    static final class ServiceTypes extends KeyedTemplate {
        ServiceTypes() {
            super("Service types", List.of(text("Carrier", 50), text("Name"), text("Code", 50)),
                    List.of("Carrier", "Name", "Code"), "Name", Warehouse.Table.SERVICE_TYPES, List.of("Carrier"));
        }

        @Override
        List<String> keyFields(ParsedRow row) {
            return List.of("Name");
        }

        @Override
        String validate(Warehouse warehouse, Record merged, Record existing) {
            String carrier = merged.text("Carrier");
            return warehouse.carrier(carrier) == null ? "Carrier '" + carrier + "' does not exist" : null;
        }
    }

    /**
     * Purchase orders; keyed by PurchaseOrderNumber. Import status: Pending, Cancelled or Deleted (reference §8.2). The
     * simulated tenant has SupplierReference and Site configured (assumed, as Site on Sales orders).
     */
    static final class PurchaseOrders extends KeyedTemplate {
        private static final Set<String> IMPORT_STATUSES = Set.of("Pending", "Cancelled", "Deleted");

        PurchaseOrders() {
            super("Purchase orders", List.of(text("PurchaseOrderNumber", 50), text("Status", 50), text("Reference"),
                    text("Supplier"), text("AddressLine1"), text("AddressLine2"), text("AddressCity"),
                    text("AddressRegion"), text("AddressPostcode"), text("AddressCountry"), text("AddressReference"),
                    dateTime("RequestedDeliveryDate"), dateTime("SubmittedDate"), text("User"), dateTime("EndDate"),
                    dateTime("ExpectedDeliveryDate"), text("SupplierReference"), text("Site", 50)),
                    List.of("PurchaseOrderNumber", "Status", "Reference", "Supplier", "AddressLine1", "AddressLine2",
                            "AddressCity", "AddressRegion", "AddressPostcode", "AddressCountry", "AddressReference",
                            "RequestedDeliveryDate", "SubmittedDate", "User", "EndDate", "ExpectedDeliveryDate",
                            // tenant-configured fields of the simulated tenant (S6 writes both)
                            "SupplierReference", "Site"),
                    "PurchaseOrderNumber", Warehouse.Table.PURCHASE_ORDERS, List.of());
        }

        @Override
        List<String> keyFields(ParsedRow row) {
            return List.of("PurchaseOrderNumber");
        }

        @Override
        void applyCreateDefaults(Record created) {
            if (created.get("Status") == null) {
                created.put("Status", "Pending");
            }
        }

        @Override
        String validate(Warehouse warehouse, Record merged, Record existing) {
            String status = merged.text("Status");
            boolean changed = existing == null || !status.equals(existing.text("Status"));
            if (changed && IMPORT_STATUSES.stream().noneMatch(status::equalsIgnoreCase)) {
                return "Status '" + status + "' cannot be set; use Pending, Cancelled or Deleted";
            }
            return siteMustExist(warehouse, merged);
        }
    }

    /** Purchase order items; keyed by PurchaseOrderNumber + Line (or + ItemCode without Line). */
    static final class PurchaseOrderItems extends KeyedTemplate {
        private static final Set<String> IMPORT_STATUSES = Set.of("Pending", "Closed");

        PurchaseOrderItems() {
            super("Purchase order items", List.of(text("PurchaseOrderNumber", 50), text("ItemCode", 50),
                    text("Status", 50), integer("Quantity"), dateTime("RequestedDeliveryDate"), text("Line", 16),
                    integer("Sequence"), decimal("CostPrice"), dateTime("ExpectededDeliveryDate")),
                    List.of("PurchaseOrderNumber", "ItemCode", "Status", "Quantity", "RequestedDeliveryDate", "Line",
                            "Sequence", "CostPrice", "ExpectededDeliveryDate"),
                    "PurchaseOrderNumber", Warehouse.Table.PURCHASE_ORDER_ITEMS, List.of("ItemCode", "Quantity"));
        }

        @Override
        List<String> keyFields(ParsedRow row) {
            return row.get("Line") != null ? List.of("PurchaseOrderNumber", "Line")
                    : List.of("PurchaseOrderNumber", "ItemCode");
        }

        @Override
        String validate(Warehouse warehouse, Record merged, Record existing) {
            String purchaseOrder = merged.text("PurchaseOrderNumber");
            if (warehouse.table(Warehouse.Table.PURCHASE_ORDERS).get(purchaseOrder) == null) {
                return "PurchaseOrderNumber '" + purchaseOrder + "' does not exist";
            }
            String itemCode = merged.text("ItemCode");
            if (warehouse.item(itemCode) == null) {
                return "ItemCode '" + itemCode + "' does not exist";
            }
            String status = merged.text("Status");
            if (status != null && IMPORT_STATUSES.stream().noneMatch(status::equalsIgnoreCase)) {
                return "Status '" + status + "' cannot be set; use Pending or Closed";
            }
            return merged.integer("Quantity", 0) <= 0 ? "Quantity must be greater than 0" : null;
        }
    }

    /**
     * Returns = expected returns / RMAs (assumed fields RmaNumber, SalesOrderNumber, ItemCode, Quantity,
     * ReturnReason, Comments, Site); keyed by RmaNumber + ItemCode. The order must exist and hold the item.
     */
    static final class ExpectedReturns extends KeyedTemplate {
        ExpectedReturns() {
            super("Returns", List.of(text("RmaNumber", 50), text("SalesOrderNumber", 30), text("ItemCode", 50),
                    integer("Quantity"), text("ReturnReason"), text("Comments", 500), text("Site", 50)),
                    List.of("RmaNumber", "SalesOrderNumber", "ItemCode", "Quantity", "ReturnReason", "Comments", "Site"),
                    "RmaNumber", Warehouse.Table.EXPECTED_RETURNS, List.of("SalesOrderNumber", "Quantity"));
        }

        @Override
        List<String> keyFields(ParsedRow row) {
            return List.of("RmaNumber", "ItemCode");
        }

        @Override
        String validate(Warehouse warehouse, Record merged, Record existing) {
            String orderNumber = merged.text("SalesOrderNumber");
            SalesOrder order = warehouse.order(orderNumber);
            if (order == null) {
                return "SalesOrderNumber '" + orderNumber + "' does not exist";
            }
            String itemCode = merged.text("ItemCode");
            if (warehouse.item(itemCode) == null) {
                return "ItemCode '" + itemCode + "' does not exist";
            }
            if (order.lines().stream().noneMatch(line -> itemCode.equals(line.itemCode()))) {
                return "ItemCode '" + itemCode + "' is not on sales order '" + orderNumber + "'";
            }
            if (merged.integer("Quantity", 0) <= 0) {
                return "Quantity must be greater than 0";
            }
            return siteMustExist(warehouse, merged);
        }
    }
}
