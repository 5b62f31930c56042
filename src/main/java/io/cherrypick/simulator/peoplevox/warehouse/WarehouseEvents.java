package io.cherrypick.simulator.peoplevox.warehouse;

import io.cherrypick.simulator.peoplevox.event.EventType;
import io.cherrypick.simulator.peoplevox.event.WarehouseEvent;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the placeholder values of each event from the warehouse objects (paths as in {@link EventType}). */
final class WarehouseEvents {
    static final String UPDATED_BY = "simulator";

    private WarehouseEvents() {
    }

    static WarehouseEvent availability(StockLevel level, Record item, LocalDateTime now) {
        Map<String, Object> values = site(level.siteReference());
        values.put("ItemCode", level.itemCode());
        values.put("Available", level.available());
        values.put("OnHand", level.onHand());
        values.put("Allocated", level.allocated());
        values.put("LastModificationTime", now);
        values.put("ItemType.Name", item == null ? null : item.text("Name"));
        values.put("ItemType.ItemCode", level.itemCode());
        return new WarehouseEvent(EventType.AvailabilityChanges, values);
    }

    static WarehouseEvent incremental(StockLevel level, Record item, int quantityChanged, String reason,
            LocalDateTime now) {
        Map<String, Object> values = site(level.siteReference());
        values.put("QuantityChanged", quantityChanged);
        values.put("UpdatedBy", UPDATED_BY);
        values.put("UpdateTimestamp", now);
        values.put("Reason", reason);
        values.put("ItemType.Name", item == null ? null : item.text("Name"));
        values.put("ItemType.ItemCode", level.itemCode());
        return new WarehouseEvent(EventType.IncrementalChanges, values);
    }

    static WarehouseEvent statusChange(SalesOrder order, String statusName) {
        Map<String, Object> values = site(order.siteReference());
        values.put("SalesOrderNumber", order.number());
        values.put("LastModificationTime", order.lastModified());
        values.put("SalesOrderStatus.Name", statusName);
        values.put("Status", statusName);
        return new WarehouseEvent(EventType.SalesOrderStatusChanges, values);
    }

    static WarehouseEvent orderReceived(SalesOrder order) {
        Map<String, Object> values = site(order.siteReference());
        values.put("SalesOrderNumber", order.number());
        values.put("LastModificationTime", order.lastModified());
        return new WarehouseEvent(EventType.OnDespatchOrderReceived, values);
    }

    static WarehouseEvent trackingNumber(Despatch despatch, SalesOrder order, Record carrier, Record serviceType) {
        Map<String, Object> values = site(despatch.siteReference());
        values.put("DespatchNumber", despatch.despatchNumber());
        values.put("TrackingNumber", despatch.trackingNumber());
        values.put("Carrier.Number", carrier == null ? null : carrier.text("Reference"));
        values.put("ServiceType.Name", despatch.serviceType());
        values.put("ServiceType.Code", serviceType == null ? null : serviceType.text("Code"));
        values.put("Picks.SalesOrder.SalesOrderNumber", order.number());
        values.put("Picks.SalesOrder.Email", order.header().text("Email"));
        return new WarehouseEvent(EventType.TrackingNumberReceived, values);
    }

    static WarehouseEvent packageEvent(EventType type, Despatch despatch, Despatch.Package pkg) {
        Map<String, Object> values = site(despatch.siteReference());
        values.put("DespatchNumber", despatch.despatchNumber());
        values.put("TrackingNumber", pkg.trackingNumber());
        return new WarehouseEvent(type, values);
    }

    static WarehouseEvent returned(ReceivedReturn received) {
        Map<String, Object> values = site(received.siteReference());
        values.put("ReturnCode", received.returnCode());
        values.put("SalesOrderNumber", received.salesOrderNumber());
        values.put("ItemCode", received.itemCode());
        values.put("Quantity", received.quantity());
        values.put("ReturnReason", received.reason());
        values.put("ReturnCondition", received.condition());
        values.put("RmaNumber", received.rmaNumber());
        return new WarehouseEvent(EventType.Returns, values);
    }

    /** Collection paths (Consignments.ConsignmentItemTypes.*) render as comma-joined lists (assumed). */
    static WarehouseEvent goodsReceived(GoodsReceipt receipt, Map<String, Record> items) {
        Map<String, Object> values = site(receipt.siteReference());
        values.put("GoodsInId", receipt.goodsInId());
        values.put("Reference", receipt.reference());
        values.put("PurchaseOrderNumber", receipt.purchaseOrderNumber());
        values.put("ReconciledDateTime", receipt.reconciledAt());
        List<Despatch.PackageLine> lines = receipt.lines();
        values.put("Consignments.ConsignmentItemTypes.Quantity",
                lines.stream().map(line -> String.valueOf(line.quantity())).collect(Collectors.joining(",")));
        values.put("Consignments.ConsignmentItemTypes.ItemType.ItemCode",
                lines.stream().map(Despatch.PackageLine::itemCode).collect(Collectors.joining(",")));
        values.put("Consignments.ConsignmentItemTypes.ItemType.Name", lines.stream()
                .map(line -> items.containsKey(line.itemCode()) ? items.get(line.itemCode()).text("Name") : "")
                .map(name -> name == null ? "" : name)
                .collect(Collectors.joining(",")));
        return new WarehouseEvent(EventType.GoodsReceived, values);
    }

    private static Map<String, Object> site(String siteReference) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("SiteReference", siteReference);
        values.put("Site", siteReference);
        return values;
    }
}
