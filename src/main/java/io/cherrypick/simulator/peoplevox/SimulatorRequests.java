package io.cherrypick.simulator.peoplevox;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** JSON bodies of the control API ({@code /sim/peoplevox/_control}). */
public final class SimulatorRequests {
    private SimulatorRequests() {
    }

    /**
     * Master data to add or update. Sites, items, carriers and service types use their template field names
     * (e.g. {@code {"ItemCode":"A1","Name":"Shirt","Barcode":"0001"}}); stock sets on hand without events.
     */
    public record Seed(List<Map<String, Object>> sites, List<Map<String, Object>> items, List<StockSeed> stock,
            List<Map<String, Object>> carriers, List<Map<String, Object>> serviceTypes) {
    }

    public record StockSeed(String itemCode, String site, Integer onHand) {
    }

    /** Move an order forward; for Despatched optionally the carrier, service and packages. */
    public record Advance(String to, String carrier, String serviceType, List<PackageBody> packages) {
    }

    public record PackageBody(String trackingNumber, BigDecimal weight, List<LineBody> lines) {
    }

    public record LineBody(String itemCode, Integer quantity) {
    }

    /** A stock adjustment (delta) or count (onHand) of an item at a site (reference or name). */
    public record StockChange(String itemCode, String site, Integer delta, Integer onHand, String reason) {
    }

    /** A return to book in; {@code returnCode} (optional) books more into a return already booked on the order. */
    public record ReturnReceipt(String salesOrderNumber, String rmaNumber, String itemCode, Integer quantity,
            String reason, String condition, String comments, Boolean reusable, String site, String returnCode) {
    }

    public record GoodsIn(String reference, String purchaseOrderNumber, String site, List<LineBody> lines) {
    }

    public record FaultSpec(String operation, String type, Integer count, Double rate, Long delayMs, Integer status,
            String column, String renamedTo) {
    }

    /** Partial configuration change: only the fields given change. */
    public record ConfigChange(Long idleTimeoutSeconds, Boolean rateLimitEnabled, Integer rateLimitRequests,
            Integer rateLimitWindowSeconds, Integer pageCap, Double duplicateRate, Double reorderRate,
            Boolean autoAllocate, String defaultSite, Map<String, String> statusNames,
            Map<String, List<String>> templates, Integer maxRecords) {
    }
}
