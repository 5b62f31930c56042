package io.cherrypick.simulator.peoplevox.event;

import java.util.List;
import java.util.Optional;

/**
 * The SubscriptionEventTypes of the WSDL plus the three newer values (reference §7.2), each with the field
 * paths its placeholders and filters can use. Paths marked assumed in docs/simulator-peoplevox.md are guesses.
 */
public enum EventType {
    AvailabilityChanges("ItemCode", "Available", "SiteReference", "Site", "OnHand", "Allocated",
            "LastModificationTime", "ItemType.Name", "ItemType.ItemCode"),
    SalesOrderStatusChanges("SalesOrderNumber", "LastModificationTime", "SalesOrderStatus.Name", "Status",
            "SiteReference", "Site"),
    GoodsReceived("GoodsInId", "Reference", "ReconciledDateTime", "PurchaseOrderNumber", "SiteReference", "Site",
            "Consignments.ConsignmentItemTypes.Quantity", "Consignments.ConsignmentItemTypes.ItemType.Name",
            "Consignments.ConsignmentItemTypes.ItemType.ItemCode"),
    TrackingNumberReceived("DespatchNumber", "TrackingNumber", "Carrier.Number", "ServiceType.Name",
            "ServiceType.Code", "Picks.SalesOrder.SalesOrderNumber", "Picks.SalesOrder.Email", "SiteReference", "Site"),
    IncrementalChanges("QuantityChanged", "UpdatedBy", "UpdateTimestamp", "Reason", "ItemType.Name",
            "ItemType.ItemCode", "SiteReference", "Site"),
    Returns("ReturnCode", "SalesOrderNumber", "ItemCode", "Quantity", "ReturnReason", "ReturnCondition",
            "SiteReference", "Site", "RmaNumber"),
    /** No public source shows these two events' placeholders: {DespatchNumber} and {TrackingNumber} are assumed. */
    DespatchPackageTrackingNumberReceived("DespatchNumber", "TrackingNumber", "SiteReference", "Site"),
    DespatchPackageDespatched("DespatchNumber", "TrackingNumber", "SiteReference", "Site"),
    OnDespatchOrderReceived("SalesOrderNumber", "SiteReference", "Site", "LastModificationTime");

    private final List<String> fields;

    EventType(String... fields) {
        this.fields = List.of(fields);
    }

    /** Field paths usable as {placeholders} and in filters. */
    public List<String> fields() {
        return fields;
    }

    /** Exact, case-sensitive match as XmlSerializer does for enum values. */
    public static Optional<EventType> fromWireName(String name) {
        for (EventType type : values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
