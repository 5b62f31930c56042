package io.cherrypick.simulator.peoplevox.report;

import io.cherrypick.simulator.peoplevox.warehouse.Despatch;
import io.cherrypick.simulator.peoplevox.warehouse.GoodsReceipt;
import io.cherrypick.simulator.peoplevox.warehouse.OrderStatus;
import io.cherrypick.simulator.peoplevox.warehouse.ReceivedReturn;
import io.cherrypick.simulator.peoplevox.warehouse.Record;
import io.cherrypick.simulator.peoplevox.warehouse.SalesOrder;
import io.cherrypick.simulator.peoplevox.warehouse.StockLevel;
import io.cherrypick.simulator.peoplevox.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The system reports the simulator serves (reference §5.1), with the columns the connector uses. */
final class Reports {
    /** A column a tenant may add to the Despatch summary: package detail. */
    static final String PACKAGE_TRACKING_NUMBER = "Package tracking number";

    private Reports() {
    }

    static List<Report> all() {
        return List.of(itemInventorySummary(), despatchSummary(), returnSummary(), salesOrdersByStatus(), goodsInSummary());
    }

    private static Report itemInventorySummary() {
        return new Report("Item inventory summary",
                List.of("Item code", "Name", "Barcode", "Site reference", "On hand", "Allocated", "Available"),
                warehouse -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (StockLevel level : warehouse.stockLevels()) {
                        Record item = warehouse.item(level.itemCode());
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("Item code", level.itemCode());
                        row.put("Name", item == null ? null : item.get("Name"));
                        row.put("Barcode", item == null ? null : item.get("Barcode"));
                        row.put("Site reference", level.siteReference());
                        row.put("On hand", level.onHand());
                        row.put("Allocated", level.allocated());
                        row.put("Available", level.available());
                        rows.add(row);
                    }
                    return rows;
                });
    }

    /**
     * Despatch summary (reference §5.1, columns as Zynk's export documents them): one row per item per despatch, with the
     * despatch's tracking number (its first package's) and the item's unit weight. A tenant may add the column
     * {@code Package tracking number} (assumed name: the despatch export file's PackageTrackingNumber): the report then
     * has one row per item per package, with that package's tracking number.
     */
    private static Report despatchSummary() {
        return new Report("Despatch summary",
                List.of("Salesorder number", "Despatch number", "Carrier", "Service", "Despatch date", "Tracking number",
                        "Item code", "Item name", "No of items", "Item weight", "Site reference", "Service type code",
                        "Customer order reference", "Email", "Requested delivery date", "Contact name", "Channel name",
                        "Destination country"),
                List.of(PACKAGE_TRACKING_NUMBER),
                (warehouse, columns) -> {
                    boolean perPackage = columns.contains(PACKAGE_TRACKING_NUMBER);
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (Despatch despatch : warehouse.despatches()) {
                        SalesOrder order = warehouse.order(despatch.salesOrderNumber());
                        Record service = despatch.serviceType() == null ? null : warehouse.serviceType(despatch.serviceType());
                        String serviceCode = service == null ? null : service.text("Code");
                        // item quantities per package (per package tracking number), or per despatch
                        Map<String, Map<String, Integer>> groups = new LinkedHashMap<>();
                        for (Despatch.Package pkg : despatch.packages()) {
                            String group = perPackage ? pkg.trackingNumber() : despatch.despatchNumber();
                            for (Despatch.PackageLine line : pkg.lines()) {
                                groups.computeIfAbsent(group, g -> new LinkedHashMap<>())
                                        .merge(line.itemCode(), line.quantity(), Integer::sum);
                            }
                        }
                        groups.forEach((group, quantities) -> quantities.forEach((itemCode, quantity) -> {
                            Record item = warehouse.item(itemCode);
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("Salesorder number", despatch.salesOrderNumber());
                            row.put("Despatch number", despatch.despatchNumber());
                            row.put("Carrier", despatch.carrier());
                            row.put("Service", despatch.serviceType());
                            row.put("Despatch date", despatch.despatchDate());
                            row.put("Tracking number", despatch.trackingNumber());
                            if (perPackage) {
                                row.put(PACKAGE_TRACKING_NUMBER, group);
                            }
                            row.put("Item code", itemCode);
                            row.put("Item name", item == null ? null : item.get("Name"));
                            row.put("No of items", quantity);
                            row.put("Item weight", item == null ? null : item.get("Weight"));
                            row.put("Site reference", despatch.siteReference());
                            row.put("Service type code", serviceCode);
                            row.put("Customer order reference", header(order, "CustomerPurchaseOrderReferenceNumber"));
                            row.put("Email", header(order, "Email"));
                            row.put("Requested delivery date", header(order, "RequestedDeliveryDate"));
                            row.put("Contact name", header(order, "ContactName"));
                            row.put("Channel name", header(order, "ChannelName"));
                            row.put("Destination country", header(order, "ShippingAddressCountry"));
                            rows.add(row);
                        }));
                    }
                    return rows;
                });
    }

    private static Report returnSummary() {
        return new Report("Return summary",
                List.of("Return code", "Return date", "Quantity", "Item code", "Item name", "Sales order number",
                        "Return reason", "Return condition", "Return comments", "Site reference", "Is Reusable",
                        "RMA number"),
                warehouse -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (ReceivedReturn received : warehouse.returns()) {
                        Record item = warehouse.item(received.itemCode());
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("Return code", received.returnCode());
                        row.put("Return date", received.returnDate());
                        row.put("Quantity", received.quantity());
                        row.put("Item code", received.itemCode());
                        row.put("Item name", item == null ? null : item.get("Name"));
                        row.put("Sales order number", received.salesOrderNumber());
                        row.put("Return reason", received.reason());
                        row.put("Return condition", received.condition());
                        row.put("Return comments", received.comments());
                        row.put("Site reference", received.siteReference());
                        row.put("Is Reusable", received.reusable());
                        row.put("RMA number", received.rmaNumber());
                        rows.add(row);
                    }
                    return rows;
                });
    }

    private static Report salesOrdersByStatus() {
        return new Report("Sales orders by status",
                List.of("Sales order no.", "Requested delivery date", "Status", "Site reference"),
                warehouse -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (SalesOrder order : warehouse.orders()) {
                        OrderStatus status = order.status();
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("Sales order no.", order.number());
                        row.put("Requested delivery date", order.header().get("RequestedDeliveryDate"));
                        row.put("Status", warehouse.settings().statusName(status));
                        row.put("Site reference", order.siteReference());
                        rows.add(row);
                    }
                    return rows;
                });
    }

    /**
     * Goods in summary (reference §5.1): one row per item of a delivery. Peoplevox's goods-in id is not among the
     * documented columns; the reference number identifies the delivery. Delivery date = reconciled date here.
     */
    private static Report goodsInSummary() {
        return new Report("Goods in summary",
                List.of("Goods in reference number", "Delivery date", "Reconciled date", "Item code", "Item name",
                        "Item barcode", "Quantity", "Purchase order number", "Site reference", "Purchase order supplier"),
                warehouse -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (GoodsReceipt receipt : warehouse.goodsReceipts()) {
                        Record po = receipt.purchaseOrderNumber() == null ? null
                                : warehouse.table(Warehouse.Table.PURCHASE_ORDERS).get(receipt.purchaseOrderNumber());
                        for (Despatch.PackageLine line : receipt.lines()) {
                            Record item = warehouse.item(line.itemCode());
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("Goods in reference number", receipt.reference());
                            row.put("Delivery date", receipt.reconciledAt());
                            row.put("Reconciled date", receipt.reconciledAt());
                            row.put("Item code", line.itemCode());
                            row.put("Item name", item == null ? null : item.get("Name"));
                            row.put("Item barcode", item == null ? null : item.get("Barcode"));
                            row.put("Quantity", line.quantity());
                            row.put("Purchase order number", receipt.purchaseOrderNumber());
                            row.put("Site reference", receipt.siteReference());
                            row.put("Purchase order supplier", po == null ? null : po.get("Supplier"));
                            rows.add(row);
                        }
                    }
                    return rows;
                });
    }

    private static Object header(SalesOrder order, String field) {
        return order == null ? null : order.header().get(field);
    }
}
