package io.cherrypick.simulator.peoplevox;

import io.cherrypick.simulator.peoplevox.event.DeliveryLogEntry;
import io.cherrypick.simulator.peoplevox.event.EventDelivery;
import io.cherrypick.simulator.peoplevox.event.SubscriptionRegistry;
import io.cherrypick.simulator.peoplevox.soap.CallLog;
import io.cherrypick.simulator.peoplevox.soap.Fault;
import io.cherrypick.simulator.peoplevox.soap.FaultInjector;
import io.cherrypick.simulator.peoplevox.soap.FaultType;
import io.cherrypick.simulator.peoplevox.soap.RateLimiter;
import io.cherrypick.simulator.peoplevox.soap.SessionStore;
import io.cherrypick.simulator.peoplevox.template.FieldSpec;
import io.cherrypick.simulator.peoplevox.template.ParsedRow;
import io.cherrypick.simulator.peoplevox.template.RowResult;
import io.cherrypick.simulator.peoplevox.template.Template;
import io.cherrypick.simulator.peoplevox.template.Templates;
import io.cherrypick.simulator.peoplevox.warehouse.Despatch;
import io.cherrypick.simulator.peoplevox.warehouse.GoodsReceipt;
import io.cherrypick.simulator.peoplevox.warehouse.OrderStatus;
import io.cherrypick.simulator.peoplevox.warehouse.ReceivedReturn;
import io.cherrypick.simulator.peoplevox.warehouse.Record;
import io.cherrypick.simulator.peoplevox.warehouse.SalesOrder;
import io.cherrypick.simulator.peoplevox.warehouse.SalesOrderLine;
import io.cherrypick.simulator.peoplevox.warehouse.StockLevel;
import io.cherrypick.simulator.peoplevox.warehouse.Warehouse;
import io.cherrypick.simulator.peoplevox.warehouse.WarehouseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The Peoplevox simulator as one bean: everything the control API offers, for the controller and for in-process
 * tests. Failures throw {@link WarehouseException} (kind = HTTP status) or IllegalArgumentException (400).
 */
@Component
@ConditionalOnProperty(prefix = "cherrypick.simulator", name = "enabled", havingValue = "true")
public class PeoplevoxSimulator {
    private final RuntimeSettings settings;
    private final Templates templates;
    private final Warehouse warehouse;
    private final SessionStore sessions;
    private final SubscriptionRegistry subscriptions;
    private final EventDelivery deliveries;
    private final FaultInjector faults;
    private final CallLog calls;
    private final RateLimiter rateLimiter;

    public PeoplevoxSimulator(RuntimeSettings peoplevoxRuntimeSettings, Templates peoplevoxTemplates,
            Warehouse peoplevoxWarehouse, SessionStore peoplevoxSessions, SubscriptionRegistry peoplevoxSubscriptions,
            EventDelivery peoplevoxEventDelivery, FaultInjector peoplevoxFaults, CallLog peoplevoxCallLog,
            RateLimiter peoplevoxRateLimiter) {
        this.settings = peoplevoxRuntimeSettings;
        this.templates = peoplevoxTemplates;
        this.warehouse = peoplevoxWarehouse;
        this.sessions = peoplevoxSessions;
        this.subscriptions = peoplevoxSubscriptions;
        this.deliveries = peoplevoxEventDelivery;
        this.faults = peoplevoxFaults;
        this.calls = peoplevoxCallLog;
        this.rateLimiter = peoplevoxRateLimiter;
    }

    /** Seed state, no sessions, subscriptions, faults, calls or deliveries, configuration from start-up. */
    public void reset() {
        settings.reset();
        deliveries.reset();
        subscriptions.reset();
        warehouse.reset();
        sessions.reset();
        faults.clear();
        calls.clear();
        rateLimiter.reset();
    }

    // ---- state -------------------------------------------------------------------------------------------

    public void seed(SimulatorRequests.Seed seed) {
        List<String> errors = new ArrayList<>();
        synchronized (warehouse) {
            seedTemplate("Sites", seed.sites(), errors);
            seedTemplate("Carriers", seed.carriers(), errors);
            seedTemplate("Service types", seed.serviceTypes(), errors);
            seedTemplate("Item types", seed.items(), errors);
            if (seed.stock() != null) {
                for (SimulatorRequests.StockSeed stock : seed.stock()) {
                    if (stock.onHand() == null) {
                        errors.add("stock " + stock.itemCode() + ": onHand is required");
                        continue;
                    }
                    try {
                        warehouse.seedStock(stock.itemCode(), stock.site() == null ? warehouse.defaultSiteReference()
                                : stock.site(), stock.onHand());
                    } catch (WarehouseException e) {
                        errors.add("stock " + stock.itemCode() + ": " + e.getMessage());
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw WarehouseException.badRequest("Seed partly failed: " + String.join("; ", errors));
        }
    }

    /** Saves seed records through their template's rules (so seeds obey the same validation as SaveData). */
    private void seedTemplate(String templateName, List<Map<String, Object>> records, List<String> errors) {
        if (records == null || records.isEmpty()) {
            return;
        }
        Template template = templates.require(templateName);
        List<ParsedRow> rows = new ArrayList<>();
        for (Map<String, Object> record : records) {
            int number = rows.size() + 1;
            Map<String, Object> values = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            record.forEach((name, value) -> {
                FieldSpec field = template.field(name);
                if (field == null) {
                    problems.add("Unknown field '" + name + "' for template '" + template.name() + "'");
                    return;
                }
                try {
                    values.put(field.name(), field.parse(value == null ? null : String.valueOf(value)));
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            });
            Object reference = record.get(template.referenceField());
            rows.add(new ParsedRow(number, values, reference == null ? "" : String.valueOf(reference),
                    problems.isEmpty() ? null : String.join("; ", problems)));
        }
        for (RowResult result : template.save(warehouse, rows, 0)) {
            if (!result.success()) {
                errors.add(templateName + " " + result.detailLine());
            }
        }
    }

    public SimulatorViews.State state() {
        synchronized (warehouse) {
            SimulatorSettings current = settings.current();
            List<SimulatorViews.Stock> stock = warehouse.stockLevels().stream().map(PeoplevoxSimulator::stockView)
                    .toList();
            List<SimulatorViews.ExpectedReturn> expected = warehouse.table(Warehouse.Table.EXPECTED_RETURNS).values()
                    .stream().map(this::expectedReturnView).toList();
            return new SimulatorViews.State(values(Warehouse.Table.ITEMS), values(Warehouse.Table.SITES), stock,
                    warehouse.orders().stream().map(order -> orderView(order, current)).toList(),
                    warehouse.despatches().stream().map(PeoplevoxSimulator::despatchView).toList(),
                    warehouse.returns(), expected, subscriptions.all(), values(Warehouse.Table.CARRIERS),
                    values(Warehouse.Table.SERVICE_TYPES), values(Warehouse.Table.PURCHASE_ORDERS),
                    warehouse.goodsReceipts());
        }
    }

    /**
     * What the warehouse floor works on (the demo scenario's warehouse tick reads it): the open orders, the
     * {@code recentSettled} orders despatched or cancelled last, the stock and the returns expected. Unlike
     * {@link #state} it does not grow with the history, which made the scenario's ticks slower all day long.
     */
    public SimulatorViews.Floor floor(int recentSettled) {
        synchronized (warehouse) {
            SimulatorSettings current = settings.current();
            List<SalesOrder> open = new ArrayList<>();
            List<SalesOrder> settled = new ArrayList<>();
            for (SalesOrder order : warehouse.orders()) {
                boolean done = order.status() == OrderStatus.DESPATCHED || order.status() == OrderStatus.CANCELLED;
                (done ? settled : open).add(order);
            }
            // newest first; of orders settled in the same instant, the one created last first (the sort is stable)
            java.util.Collections.reverse(settled);
            settled.sort(java.util.Comparator.comparing(SalesOrder::lastModified).reversed());
            List<SimulatorViews.Order> orders = new ArrayList<>();
            open.forEach(order -> orders.add(orderView(order, current)));
            settled.stream().limit(Math.max(0, recentSettled)).forEach(order -> orders.add(orderView(order, current)));
            return new SimulatorViews.Floor(orders,
                    warehouse.stockLevels().stream().map(PeoplevoxSimulator::stockView).toList(),
                    warehouse.table(Warehouse.Table.EXPECTED_RETURNS).values().stream().map(this::expectedReturnView)
                            .toList());
        }
    }

    private List<Map<String, Object>> values(Warehouse.Table table) {
        return warehouse.table(table).values().stream()
                .map(record -> (Map<String, Object>) new LinkedHashMap<>(record.values())).toList();
    }

    /** @throws WarehouseException NOT_FOUND when there is no such order */
    public SimulatorViews.Order order(String salesOrderNumber) {
        synchronized (warehouse) {
            return orderView(warehouse.requireOrder(salesOrderNumber), settings.current());
        }
    }

    public SimulatorViews.Advanced advance(String salesOrderNumber, SimulatorRequests.Advance request) {
        SimulatorSettings current = settings.current();
        if (request == null || request.to() == null) {
            throw WarehouseException.badRequest("Give the target state in \"to\"");
        }
        OrderStatus target = current.statusByName(request.to()).orElseThrow(() -> WarehouseException.badRequest(
                "Unknown status '" + request.to() + "'"));
        List<Warehouse.PackageRequest> packages = new ArrayList<>();
        if (request.packages() != null) {
            for (SimulatorRequests.PackageBody body : request.packages()) {
                packages.add(new Warehouse.PackageRequest(body.trackingNumber(), body.weight(), lines(body.lines())));
            }
        }
        synchronized (warehouse) {
            Warehouse.AdvanceResult result = warehouse.advance(salesOrderNumber, target,
                    new Warehouse.DespatchRequest(request.carrier(), request.serviceType(), packages));
            return new SimulatorViews.Advanced(orderView(result.order(), current),
                    result.despatch() == null ? null : despatchView(result.despatch()));
        }
    }

    private static List<Despatch.PackageLine> lines(List<SimulatorRequests.LineBody> bodies) {
        if (bodies == null) {
            return List.of();
        }
        return bodies.stream().map(line -> {
            if (line.itemCode() == null || line.quantity() == null) {
                throw WarehouseException.badRequest("Every line needs itemCode and quantity");
            }
            return new Despatch.PackageLine(line.itemCode(), line.quantity());
        }).toList();
    }

    public SimulatorViews.Stock stock(SimulatorRequests.StockChange change) {
        if (change == null || change.itemCode() == null) {
            throw WarehouseException.badRequest("itemCode is required");
        }
        synchronized (warehouse) {
            String site = change.site() == null ? warehouse.defaultSiteReference() : change.site();
            return stockView(warehouse.adjustStock(change.itemCode(), site, change.delta(), change.onHand(),
                    change.reason()));
        }
    }

    public ReceivedReturn receiveReturn(SimulatorRequests.ReturnReceipt receipt) {
        if (receipt == null || receipt.salesOrderNumber() == null || receipt.itemCode() == null) {
            throw WarehouseException.badRequest("salesOrderNumber and itemCode are required");
        }
        return warehouse.receiveReturn(new Warehouse.ReturnReceipt(receipt.salesOrderNumber(), receipt.rmaNumber(),
                receipt.itemCode(), receipt.quantity() == null ? 1 : receipt.quantity(), receipt.reason(),
                receipt.condition(), receipt.comments(), receipt.reusable(), receipt.site(), receipt.returnCode()));
    }

    public GoodsReceipt receiveGoods(SimulatorRequests.GoodsIn goodsIn) {
        if (goodsIn == null) {
            throw WarehouseException.badRequest("A body with lines is required");
        }
        return warehouse.receiveGoods(new Warehouse.GoodsIn(goodsIn.reference(), goodsIn.purchaseOrderNumber(),
                goodsIn.site(), lines(goodsIn.lines())));
    }

    // ---- calls, faults, deliveries, config ---------------------------------------------------------------

    public List<CallLog.Call> calls(String operation, String template) {
        return calls.find(operation, template);
    }

    public void clearCalls() {
        calls.clear();
    }

    public List<Fault> faults() {
        return faults.list();
    }

    public Fault addFault(SimulatorRequests.FaultSpec spec) {
        if (spec == null || spec.type() == null) {
            throw new IllegalArgumentException("type is required: one of " + List.of(FaultType.values()));
        }
        FaultType type;
        try {
            type = FaultType.valueOf(spec.type().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown fault type '" + spec.type() + "'; use one of "
                    + List.of(FaultType.values()));
        }
        return faults.add(spec.operation(), type, spec.count(), spec.rate(), spec.delayMs(), spec.status(),
                spec.column(), spec.renamedTo());
    }

    public void clearFaults() {
        faults.clear();
    }

    public List<DeliveryLogEntry> deliveries() {
        return deliveries.log();
    }

    public SimulatorViews.Config config() {
        SimulatorSettings current = settings.current();
        Map<String, List<String>> effective = new LinkedHashMap<>();
        templates.all().forEach(template -> effective.put(template.name(), templates.fieldsOf(template, current)));
        return new SimulatorViews.Config(current.idleTimeoutSeconds(), current.rateLimitEnabled(),
                current.rateLimitRequests(), current.rateLimitWindowSeconds(), current.pageCap(),
                current.duplicateRate(), current.reorderRate(), current.autoAllocate(), current.defaultSite(),
                current.statusNames(), effective, current.maxRecords());
    }

    /** @throws IllegalArgumentException naming the invalid setting; nothing changes then */
    public SimulatorViews.Config updateConfig(SimulatorRequests.ConfigChange change) {
        SimulatorSettings current = settings.current();
        SimulatorSettings next = current;
        if (change.idleTimeoutSeconds() != null) {
            requirePositive("idleTimeoutSeconds", change.idleTimeoutSeconds());
            next = next.withIdleTimeoutSeconds(change.idleTimeoutSeconds());
        }
        if (change.rateLimitEnabled() != null || change.rateLimitRequests() != null
                || change.rateLimitWindowSeconds() != null) {
            int requests = change.rateLimitRequests() != null ? change.rateLimitRequests() : next.rateLimitRequests();
            int window = change.rateLimitWindowSeconds() != null ? change.rateLimitWindowSeconds()
                    : next.rateLimitWindowSeconds();
            requirePositive("rateLimitRequests", requests);
            requirePositive("rateLimitWindowSeconds", window);
            next = next.withRateLimit(change.rateLimitEnabled() != null ? change.rateLimitEnabled()
                    : next.rateLimitEnabled(), requests, window);
        }
        if (change.pageCap() != null) {
            requirePositive("pageCap", change.pageCap());
            next = next.withPageCap(change.pageCap());
        }
        if (change.duplicateRate() != null || change.reorderRate() != null) {
            double duplicate = change.duplicateRate() != null ? change.duplicateRate() : next.duplicateRate();
            double reorder = change.reorderRate() != null ? change.reorderRate() : next.reorderRate();
            requireRate("duplicateRate", duplicate);
            requireRate("reorderRate", reorder);
            next = next.withDeliveryRates(duplicate, reorder);
        }
        if (change.autoAllocate() != null || change.defaultSite() != null) {
            if (change.defaultSite() != null && warehouse.site(change.defaultSite()) == null) {
                throw new IllegalArgumentException("defaultSite '" + change.defaultSite() + "' does not exist");
            }
            next = next.withAllocation(change.autoAllocate() != null ? change.autoAllocate() : next.autoAllocate(),
                    change.defaultSite() != null ? change.defaultSite() : next.defaultSite());
        }
        if (change.statusNames() != null) {
            next = next.withStatusNames(change.statusNames());
        }
        if (change.templates() != null) {
            next = next.withTemplates(templates.canonical(change.templates()));
        }
        if (change.maxRecords() != null) {
            requirePositive("maxRecords", change.maxRecords());
            next = next.withMaxRecords(change.maxRecords());
        }
        settings.set(next);
        if (change.maxRecords() != null) {
            warehouse.trim(); // a lower cap holds at once
        }
        if (change.rateLimitEnabled() != null || change.rateLimitRequests() != null || change.rateLimitWindowSeconds() != null) {
            rateLimiter.reset(); // new limits count from now
        }
        return config();
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be greater than 0");
        }
    }

    private static void requireRate(String name, double value) {
        if (value < 0 || value > 1) {
            throw new IllegalArgumentException(name + " must be between 0.0 and 1.0");
        }
    }

    // ---- views -------------------------------------------------------------------------------------------

    private static SimulatorViews.Stock stockView(StockLevel level) {
        return new SimulatorViews.Stock(level.itemCode(), level.siteReference(), level.onHand(), level.allocated(),
                level.available());
    }

    private static SimulatorViews.Order orderView(SalesOrder order, SimulatorSettings current) {
        List<SimulatorViews.Line> lines = order.lines().stream().map(PeoplevoxSimulator::lineView).toList();
        return new SimulatorViews.Order(order.number(), current.statusName(order.status()), order.siteReference(),
                order.allocationHeld(), order.lastModified(), new LinkedHashMap<>(order.header().values()), lines);
    }

    private static SimulatorViews.Line lineView(SalesOrderLine line) {
        return new SimulatorViews.Line(line.line(), line.itemCode(), line.quantity(), line.allocated(),
                line.despatched(), new LinkedHashMap<>(line.fields().values()));
    }

    private static SimulatorViews.DespatchView despatchView(Despatch despatch) {
        return new SimulatorViews.DespatchView(despatch.despatchNumber(), despatch.salesOrderNumber(),
                despatch.carrier(), despatch.serviceType(), despatch.siteReference(), despatch.despatchDate(),
                despatch.trackingNumber(), despatch.packages());
    }

    private SimulatorViews.ExpectedReturn expectedReturnView(Record record) {
        String rma = record.text("RmaNumber");
        String itemCode = record.text("ItemCode");
        return new SimulatorViews.ExpectedReturn(rma, record.text("SalesOrderNumber"), itemCode,
                record.integer("Quantity", 0), warehouse.receivedQuantity(rma, itemCode), record.text("ReturnReason"),
                record.text("Comments"), record.text("Site"));
    }
}
