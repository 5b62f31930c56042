package io.cherrypick.simulator.peoplevox.template;

import static io.cherrypick.simulator.peoplevox.template.FieldSpec.bool;
import static io.cherrypick.simulator.peoplevox.template.FieldSpec.dateTime;
import static io.cherrypick.simulator.peoplevox.template.FieldSpec.decimal;
import static io.cherrypick.simulator.peoplevox.template.FieldSpec.integer;
import static io.cherrypick.simulator.peoplevox.template.FieldSpec.text;

import io.cherrypick.simulator.peoplevox.SimulatorSettings;
import io.cherrypick.simulator.peoplevox.warehouse.OrderStatus;
import io.cherrypick.simulator.peoplevox.warehouse.Record;
import io.cherrypick.simulator.peoplevox.warehouse.SalesOrder;
import io.cherrypick.simulator.peoplevox.warehouse.Warehouse;
import io.cherrypick.simulator.peoplevox.warehouse.WarehouseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sales orders (reference §8.2, §6.3): upsert by SalesOrderNumber. Status is read-only except that it may be
 * set to Cancelled (refused once Despatched). Site must exist; orders without one go to the default site.
 * Orders saved with Action 0 are allocated automatically once they have lines and stock (see Warehouse).
 */
final class SalesOrdersTemplate extends Template {
    static final String NAME = "Sales orders";

    private static final List<String> DEFAULT_FIELDS = List.of("SalesOrderNumber", "Customer",
            "CustomerPurchaseOrderReferenceNumber", "ShippingAddressLine1", "ShippingAddressLine2",
            "ShippingAddressCity", "ShippingAddressRegion", "ShippingAddressPostcode", "ShippingAddressCountry",
            "ShippingAddressReference", "InvoiceAddressLine1", "InvoiceAddressLine2", "InvoiceAddressCity",
            "InvoiceAddressRegion", "InvoiceAddressPostcode", "InvoiceAddressCountry", "InvoiceAddressReference",
            "IsPartialShipment", "Status", "RequestedDeliveryDate", "ShippingCost", "Email", "ContactName", "TotalSale",
            "Discount", "TaxPaid", "CreatedDate", "PaymentMethod", "ServiceType", "ChannelName",
            // tenant-configured fields of the simulated tenant
            "Site", "OnHold", "Attribute1", "Attribute2", "Attribute3", "Attribute4", "Attribute5");

    SalesOrdersTemplate() {
        super(NAME, fields(), DEFAULT_FIELDS, "SalesOrderNumber");
    }

    private static List<FieldSpec> fields() {
        List<FieldSpec> fields = new ArrayList<>(List.of(text("SalesOrderNumber", 30), text("Customer", 50),
                text("CustomerPurchaseOrderReferenceNumber", 50)));
        for (String prefix : List.of("ShippingAddress", "InvoiceAddress")) {
            for (String part : List.of("Line1", "Line2", "City", "Region", "Postcode", "Country", "Reference")) {
                fields.add(text(prefix + part, 100));
            }
        }
        fields.addAll(List.of(bool("IsPartialShipment"), text("Status", 50), dateTime("RequestedDeliveryDate"),
                decimal("ShippingCost"), text("Email", 500), text("ContactName", 100), decimal("TotalSale"),
                decimal("Discount"), decimal("TaxPaid"), dateTime("CreatedDate"), integer("PaymentMethod"),
                text("ServiceType", 100), text("ChannelName", 50), text("Site", 50), bool("OnHold")));
        fields.addAll(FieldSpec.attributes(5));
        fields.addAll(List.of(text("DespatchTrackingNumber"), text("CarrierName")));
        return fields;
    }

    @Override
    public List<Map<String, Object>> exportRows(Warehouse warehouse) {
        SimulatorSettings settings = warehouse.settings();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SalesOrder order : warehouse.orders()) {
            Map<String, Object> row = new LinkedHashMap<>(order.header().values());
            row.put("Status", settings.statusName(order.status()));
            rows.add(row);
        }
        return rows;
    }

    @Override
    public List<RowResult> save(Warehouse warehouse, List<ParsedRow> rows, int action) {
        List<RowResult> results = new ArrayList<>();
        Set<SalesOrder> toAllocate = new LinkedHashSet<>();
        for (ParsedRow row : rows) {
            String error = row.error() != null ? row.error() : saveRow(warehouse, row, action, toAllocate);
            results.add(error == null ? RowResult.saved(row) : RowResult.failed(row, error));
        }
        toAllocate.forEach(warehouse::tryAutoAllocate);
        return results;
    }

    /** Validates the row completely, then applies it; returns the error or null. */
    private String saveRow(Warehouse warehouse, ParsedRow row, int action, Set<SalesOrder> toAllocate) {
        String number = row.text("SalesOrderNumber");
        if (number == null) {
            return "SalesOrderNumber is required";
        }
        if (action == 2) {
            return "Sales orders cannot be deleted; set Status to 'Cancelled' instead";
        }
        SimulatorSettings settings = warehouse.settings();
        SalesOrder order = warehouse.order(number);
        String cancelled = settings.statusName(OrderStatus.CANCELLED);
        String status = row.text("Status");
        if (status != null) {
            if (!status.equalsIgnoreCase(cancelled)) {
                return "Status '" + status + "' cannot be set; only '" + cancelled + "' is permitted on import";
            }
            if (order == null) {
                return "Sales order '" + number + "' does not exist and cannot be created as " + cancelled;
            }
            if (order.status() == OrderStatus.DESPATCHED) {
                return "Sales order '" + number + "' is " + settings.statusName(OrderStatus.DESPATCHED)
                        + " and cannot be cancelled";
            }
        }
        String siteReference = null;
        String site = row.text("Site");
        if (site != null) {
            Record siteRecord = warehouse.site(site);
            if (siteRecord == null) {
                return "Site '" + site + "' does not exist";
            }
            siteReference = siteRecord.text("Reference");
            if (order != null && order.status() != OrderStatus.NEW && !siteReference.equals(order.siteReference())) {
                return "Site cannot be changed once sales order '" + number + "' is "
                        + settings.statusName(order.status());
            }
        }
        String serviceType = row.text("ServiceType");
        if (serviceType != null && warehouse.serviceType(serviceType) == null) {
            return "ServiceType '" + serviceType + "' does not exist";
        }

        Record header = order == null ? new Record() : order.header();
        for (Map.Entry<String, Object> value : row.values().entrySet()) {
            // Status is the order's state, not a stored field; an empty Site keeps the order where it is.
            if (!value.getKey().equals("Status") && !value.getKey().equals("Site")) {
                header.put(value.getKey(), value.getValue());
            }
        }
        if (siteReference != null) {
            header.put("Site", siteReference);
        } else if (header.get("Site") == null) {
            header.put("Site", warehouse.defaultSiteReference());
        }
        if (order == null) {
            order = warehouse.createOrder(number, header, action == 1);
        } else {
            warehouse.touch(order);
            if (action == 1) {
                warehouse.holdAllocation(order);
            }
        }
        if (status != null) {
            try {
                warehouse.cancel(order);
            } catch (WarehouseException e) {
                return e.getMessage();
            }
        } else if (action == 0) {
            toAllocate.add(order);
        }
        return null;
    }
}
