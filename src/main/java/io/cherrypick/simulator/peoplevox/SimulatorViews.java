package io.cherrypick.simulator.peoplevox;

import io.cherrypick.simulator.peoplevox.event.Subscription;
import io.cherrypick.simulator.peoplevox.warehouse.Despatch;
import io.cherrypick.simulator.peoplevox.warehouse.GoodsReceipt;
import io.cherrypick.simulator.peoplevox.warehouse.ReceivedReturn;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** JSON views the control API returns. */
public final class SimulatorViews {
    private SimulatorViews() {
    }

    public record State(List<Map<String, Object>> items, List<Map<String, Object>> sites, List<Stock> stock,
            List<Order> salesOrders, List<DespatchView> despatches, List<ReceivedReturn> returns,
            List<ExpectedReturn> expectedReturns, List<Subscription> subscriptions,
            List<Map<String, Object>> carriers, List<Map<String, Object>> serviceTypes,
            List<Map<String, Object>> purchaseOrders, List<GoodsReceipt> goodsReceipts) {
    }

    /** What the warehouse floor works on: open orders and the latest settled ones, stock, returns expected. */
    public record Floor(List<Order> salesOrders, List<Stock> stock, List<ExpectedReturn> expectedReturns) {
    }

    public record Stock(String itemCode, String site, int onHand, int allocated, int available) {
    }

    /**
     * @param allocationHeld saved with Action 1: never allocated automatically
     * @param fields         the Sales orders template fields stored for the order
     */
    public record Order(String salesOrderNumber, String status, String site, boolean allocationHeld,
            LocalDateTime lastModified, Map<String, Object> fields, List<Line> lines) {
    }

    public record Line(String line, String itemCode, int quantity, int allocated, int despatched,
            Map<String, Object> fields) {
    }

    public record DespatchView(String despatchNumber, String salesOrderNumber, String carrier, String serviceType,
            String site, LocalDateTime despatchDate, String trackingNumber, List<Despatch.Package> packages) {
    }

    public record ExpectedReturn(String rmaNumber, String salesOrderNumber, String itemCode, int quantity,
            int received, String reason, String comments, String site) {
    }

    public record Advanced(Order order, DespatchView despatch) {
    }

    /** The runtime configuration; templates shows the effective field list of every template. */
    public record Config(long idleTimeoutSeconds, boolean rateLimitEnabled, int rateLimitRequests,
            int rateLimitWindowSeconds, int pageCap, double duplicateRate, double reorderRate, boolean autoAllocate,
            String defaultSite, Map<String, String> statusNames, Map<String, List<String>> templates, int maxRecords) {
    }
}
