package io.cherrypick.simulator.peoplevox.warehouse;

import io.cherrypick.simulator.peoplevox.SimulatorSettings;
import io.cherrypick.simulator.peoplevox.event.EventSink;
import io.cherrypick.simulator.peoplevox.event.EventType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The in-memory state of the simulated Peoplevox tenant: master data tables, stock per item and site, sales
 * orders with their state machine, despatches, returns and goods receipts. Every public method locks the
 * warehouse; callers that need several steps to be atomic synchronize on the warehouse themselves.
 * State changes publish events to the {@link EventSink}.
 */
public final class Warehouse {

    /** Master data kept as plain template records, keyed as their template says. */
    public enum Table { ITEMS, SITES, CARRIERS, SERVICE_TYPES, PURCHASE_ORDERS, PURCHASE_ORDER_ITEMS, EXPECTED_RETURNS }

    public record PackageRequest(String trackingNumber, BigDecimal weight, List<Despatch.PackageLine> lines) {
    }

    public record DespatchRequest(String carrier, String serviceType, List<PackageRequest> packages) {
        public static final DespatchRequest EVERYTHING = new DespatchRequest(null, null, List.of());
    }

    public record AdvanceResult(SalesOrder order, Despatch despatch) {
    }

    /** A return to book in; {@code returnCode} (optional) books more into a return already booked on the order. */
    public record ReturnReceipt(String salesOrderNumber, String rmaNumber, String itemCode, int quantity,
            String reason, String condition, String comments, Boolean reusable, String site, String returnCode) {

        public ReturnReceipt(String salesOrderNumber, String rmaNumber, String itemCode, int quantity, String reason,
                String condition, String comments, Boolean reusable, String site) {
            this(salesOrderNumber, rmaNumber, itemCode, quantity, reason, condition, comments, reusable, site, null);
        }
    }

    public record GoodsIn(String reference, String purchaseOrderNumber, String site,
            List<Despatch.PackageLine> lines) {
    }

    private final Clock clock;
    private final Supplier<SimulatorSettings> settings;
    private final EventSink events;

    private final Map<Table, Map<String, Record>> tables = new EnumMap<>(Table.class);
    private final Map<String, String> barcodes = new java.util.HashMap<>();
    private final Map<String, SalesOrder> orders = new LinkedHashMap<>();
    private final Map<String, StockLevel> stock = new LinkedHashMap<>();
    private final List<Despatch> despatches = new ArrayList<>();
    private final List<ReceivedReturn> returns = new ArrayList<>();
    private final List<GoodsReceipt> goodsReceipts = new ArrayList<>();
    private int despatchCounter;
    private int returnCounter;
    private int goodsInCounter;

    public Warehouse(Clock clock, Supplier<SimulatorSettings> settings, EventSink events) {
        this.clock = clock;
        this.settings = settings;
        this.events = events;
        reset();
    }

    /** Back to the seed: three sites, four carriers with one service each, no items, stock or orders. */
    public synchronized void reset() {
        for (Table table : Table.values()) {
            tables.put(table, new LinkedHashMap<>());
        }
        barcodes.clear();
        orders.clear();
        stock.clear();
        despatches.clear();
        returns.clear();
        goodsReceipts.clear();
        despatchCounter = 0;
        returnCounter = 0;
        goodsInCounter = 0;
        putSite("Primary", "PrimarySite");
        putSite("London", "LondonSite");
        putSite("System", "SystemSite");
        putCarrierWithService("UPS", "UPS", "UPS Ground", "UPSGND");
        putCarrierWithService("FedEx", "FEDEX", "FedEx Express", "FDXEXP");
        putCarrierWithService("DHL", "DHL", "DHL Parcel UK", "DHLPUK");
        putCarrierWithService("Royal Mail", "RM", "Royal Mail Tracked 48", "RMT48");
    }

    /**
     * Keeps at most {@code maxRecords} (settings) sales orders, despatches, received returns and goods receipts, so a
     * long demo run does not grow without end. Past the cap the oldest history goes first: the oldest despatches,
     * returns and receipts (the reports read the newest: their recent window stays), then, in batches of a tenth of
     * the cap (one sort per batch, not per order), the despatched and cancelled orders that settled longest ago. An
     * order still on its way (New to Packed), or one a kept despatch or return belongs to (the Despatch summary shows
     * the order's reference and email), is never dropped, even when that leaves more than the cap.
     */
    public synchronized void trim() {
        int max = settings.get().maxRecords();
        for (List<?> history : List.of(despatches, returns, goodsReceipts)) {
            if (history.size() > max) {
                history.subList(0, history.size() - max).clear();
            }
        }
        if (orders.size() > max) {
            java.util.Set<String> stillShown = new java.util.HashSet<>();
            despatches.forEach(d -> stillShown.add(d.salesOrderNumber()));
            returns.forEach(r -> stillShown.add(r.salesOrderNumber()));
            int drop = orders.size() - max + max / 10;
            orders.values().stream()
                    .filter(o -> o.status() == OrderStatus.DESPATCHED || o.status() == OrderStatus.CANCELLED)
                    .filter(o -> !stillShown.contains(o.number()))
                    .sorted(java.util.Comparator.comparing(SalesOrder::lastModified))
                    .limit(drop).map(SalesOrder::number).toList()
                    .forEach(orders::remove);
        }
    }

    private void putSite(String name, String reference) {
        table(Table.SITES).put(reference, new Record(Map.of("Name", name, "Reference", reference)));
    }

    private void putCarrierWithService(String carrier, String reference, String service, String code) {
        table(Table.CARRIERS).put(carrier, new Record(Map.of("Name", carrier, "Reference", reference)));
        table(Table.SERVICE_TYPES).put(service, new Record(Map.of("Carrier", carrier, "Name", service, "Code", code)));
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    public SimulatorSettings settings() {
        return settings.get();
    }

    // ---- master data -------------------------------------------------------------------------------------

    /** The live table; the caller must hold the warehouse lock while using it. */
    public synchronized Map<String, Record> table(Table table) {
        return tables.get(table);
    }

    /** The ItemCode of the item that has this Barcode, if any (an index: uniqueness checks stay fast at 50,000 items). */
    public synchronized String itemCodeWithBarcode(String barcode) {
        return barcode == null ? null : barcodes.get(barcode);
    }

    /** Keeps the barcode index in step with an item saved with {@code barcode} (it had {@code previousBarcode}). */
    public synchronized void indexBarcode(String previousBarcode, String barcode, String itemCode) {
        if (previousBarcode != null && itemCode.equals(barcodes.get(previousBarcode))) {
            barcodes.remove(previousBarcode);
        }
        if (previousBarcode != null && !previousBarcode.equals(barcode)) {
            barcodes.remove(previousBarcode, itemCode);
        }
        if (barcode != null) {
            barcodes.put(barcode, itemCode);
        }
    }

    public synchronized Record item(String itemCode) {
        return itemCode == null ? null : table(Table.ITEMS).get(itemCode);
    }

    /** A site by reference, or else by name. */
    public synchronized Record site(String referenceOrName) {
        if (referenceOrName == null) {
            return null;
        }
        Record byReference = table(Table.SITES).get(referenceOrName);
        if (byReference != null) {
            return byReference;
        }
        return table(Table.SITES).values().stream()
                .filter(site -> referenceOrName.equalsIgnoreCase(site.text("Name"))
                        || referenceOrName.equalsIgnoreCase(site.text("Reference")))
                .findFirst().orElse(null);
    }

    /** Where orders without a Site go: the configured default site, or else the first site. */
    public synchronized String defaultSiteReference() {
        Record configured = site(settings().defaultSite());
        if (configured != null) {
            return configured.text("Reference");
        }
        return table(Table.SITES).values().stream().map(site -> site.text("Reference")).findFirst().orElse(null);
    }

    public synchronized Record carrier(String name) {
        if (name == null) {
            return null;
        }
        return table(Table.CARRIERS).values().stream()
                .filter(carrier -> name.equalsIgnoreCase(carrier.text("Name"))
                        || name.equalsIgnoreCase(carrier.text("Reference")))
                .findFirst().orElse(null);
    }

    /** A service type by name or code. */
    public synchronized Record serviceType(String nameOrCode) {
        if (nameOrCode == null) {
            return null;
        }
        return table(Table.SERVICE_TYPES).values().stream()
                .filter(service -> nameOrCode.equalsIgnoreCase(service.text("Name"))
                        || nameOrCode.equalsIgnoreCase(service.text("Code")))
                .findFirst().orElse(null);
    }

    // ---- stock -------------------------------------------------------------------------------------------

    public synchronized List<StockLevel> stockLevels() {
        return List.copyOf(stock.values());
    }

    public synchronized StockLevel stock(String itemCode, String siteReference) {
        return stock.get(stockKey(itemCode, siteReference));
    }

    public synchronized boolean hasStock(String itemCode) {
        return stock.values().stream()
                .anyMatch(level -> level.itemCode().equals(itemCode) && (level.onHand() != 0 || level.allocated() != 0));
    }

    /** Drops the (empty) stock rows of an item, e.g. when the item is deleted. */
    public synchronized void forgetStock(String itemCode) {
        stock.values().removeIf(level -> level.itemCode().equals(itemCode));
    }

    /** Sets on hand without events (seeding). */
    public synchronized StockLevel seedStock(String itemCode, String site, int onHand) {
        StockLevel level = stockLevelFor(itemCode, site);
        level.setOnHand(onHand);
        return level;
    }

    /** A stock count or adjustment: either a delta or a new on-hand figure. Fires availability events. */
    public synchronized StockLevel adjustStock(String itemCode, String site, Integer delta, Integer onHand,
            String reason) {
        if ((delta == null) == (onHand == null)) {
            throw WarehouseException.badRequest("Give either delta or onHand");
        }
        StockLevel level = stockLevelFor(itemCode, site);
        int change = delta != null ? delta : onHand - level.onHand();
        changeStock(level, change, 0, reason == null || reason.isBlank() ? "Stock adjustment" : reason);
        if (change > 0) {
            allocateWaitingOrders(level.siteReference());
        }
        return level;
    }

    private StockLevel stockLevelFor(String itemCode, String site) {
        if (item(itemCode) == null) {
            throw WarehouseException.badRequest("Item '" + itemCode + "' does not exist");
        }
        Record siteRecord = site(site);
        if (siteRecord == null) {
            throw WarehouseException.badRequest("Site '" + site + "' does not exist");
        }
        String reference = siteRecord.text("Reference");
        return stock.computeIfAbsent(stockKey(itemCode, reference), key -> new StockLevel(itemCode, reference));
    }

    private void changeStock(StockLevel level, int onHandChange, int allocatedChange, String reason) {
        int availableBefore = level.available();
        level.setOnHand(level.onHand() + onHandChange);
        level.setAllocated(level.allocated() + allocatedChange);
        Record item = item(level.itemCode());
        if (onHandChange != 0) {
            events.publish(WarehouseEvents.incremental(level, item, onHandChange, reason, now()));
        }
        if (level.available() != availableBefore) {
            events.publish(WarehouseEvents.availability(level, item, now()));
        }
    }

    private static String stockKey(String itemCode, String siteReference) {
        return itemCode + '\u0000' + siteReference;
    }

    // ---- sales orders ------------------------------------------------------------------------------------

    public synchronized Collection<SalesOrder> orders() {
        return List.copyOf(orders.values());
    }

    public synchronized SalesOrder order(String number) {
        return number == null ? null : orders.get(number);
    }

    public synchronized SalesOrder requireOrder(String number) {
        SalesOrder order = order(number);
        if (order == null) {
            throw WarehouseException.notFound("Sales order '" + number + "' does not exist");
        }
        return order;
    }

    /** A new order in state New; fires OnDespatchOrderReceived. */
    public synchronized SalesOrder createOrder(String number, Record header, boolean holdAllocation) {
        SalesOrder order = new SalesOrder(number, header, now());
        if (holdAllocation) {
            order.holdAllocation();
        }
        orders.put(number, order);
        trim();
        events.publish(WarehouseEvents.orderReceived(order));
        return order;
    }

    public synchronized void holdAllocation(SalesOrder order) {
        order.holdAllocation();
    }

    public synchronized SalesOrderLine addLine(SalesOrder order, Record fields) {
        SalesOrderLine line = new SalesOrderLine(fields);
        order.addLine(line);
        order.touch(now());
        return line;
    }

    public synchronized void touch(SalesOrder order) {
        order.touch(now());
    }

    /** Cancels an order (SaveData Status=Cancelled) and releases its allocated stock. */
    public synchronized void cancel(SalesOrder order) {
        if (order.status() == OrderStatus.CANCELLED) {
            return;
        }
        if (order.status() == OrderStatus.DESPATCHED) {
            throw WarehouseException.conflict("Sales order '" + order.number() + "' is "
                    + settings().statusName(OrderStatus.DESPATCHED) + " and cannot be cancelled");
        }
        boolean released = false;
        for (SalesOrderLine line : order.lines()) {
            if (line.allocated() > 0) {
                changeStock(stock(line.itemCode(), order.siteReference()), 0, -line.allocated(), "Cancellation");
                line.setAllocated(0);
                released = true;
            }
        }
        moveTo(order, OrderStatus.CANCELLED);
        if (released) {
            allocateWaitingOrders(order.siteReference());
        }
    }

    /**
     * Allocates a New order saved with Action 0 when auto-allocation is on and its site has stock for every
     * line; otherwise the order waits in New (retried when stock arrives).
     */
    public synchronized boolean tryAutoAllocate(SalesOrder order) {
        if (!settings().autoAllocate() || order.status() != OrderStatus.NEW || order.allocationHeld()
                || order.lines().isEmpty() || shortfall(order) != null) {
            return false;
        }
        allocate(order);
        moveTo(order, OrderStatus.ALLOCATED);
        return true;
    }

    private void allocateWaitingOrders(String siteReference) {
        for (SalesOrder order : List.copyOf(orders.values())) {
            if (siteReference.equals(order.siteReference())) {
                tryAutoAllocate(order);
            }
        }
    }

    /**
     * Moves an order forward to the target state, passing through the states in between (each fires
     * SalesOrderStatusChanges). Despatched ships the packages given (or everything left); when something is
     * left after a partial despatch, the order stays Packed.
     */
    public synchronized AdvanceResult advance(String number, OrderStatus target, DespatchRequest request) {
        SalesOrder order = requireOrder(number);
        SimulatorSettings names = settings();
        if (target == OrderStatus.NEW || target == OrderStatus.CANCELLED) {
            throw WarehouseException.badRequest("An order can only be advanced to "
                    + names.statusName(OrderStatus.ALLOCATED) + ", " + names.statusName(OrderStatus.PICKING) + ", "
                    + names.statusName(OrderStatus.PACKED) + " or " + names.statusName(OrderStatus.DESPATCHED)
                    + "; cancel it through SaveData");
        }
        if (order.status() == OrderStatus.CANCELLED || order.status() == OrderStatus.DESPATCHED) {
            throw WarehouseException.conflict("Sales order '" + number + "' is " + names.statusName(order.status())
                    + " and cannot be advanced");
        }
        if (target.isBefore(order.status())) {
            throw WarehouseException.conflict("Sales order '" + number + "' is " + names.statusName(order.status())
                    + " and cannot go back to " + names.statusName(target));
        }
        if (order.lines().isEmpty()) {
            throw WarehouseException.conflict("Sales order '" + number + "' has no lines");
        }
        if (order.status() == OrderStatus.NEW) {
            String missing = shortfall(order);
            if (missing != null) {
                throw WarehouseException.conflict("Sales order '" + number + "' cannot be allocated: " + missing);
            }
        }
        OrderStatus lastStep = target == OrderStatus.DESPATCHED ? OrderStatus.PACKED : target;
        if (target == OrderStatus.DESPATCHED) {
            // Validate the packages before any state changes, so a bad request changes nothing.
            planDespatch(order, request == null ? DespatchRequest.EVERYTHING : request);
        }
        for (OrderStatus step : OrderStatus.values()) {
            if (order.status().isBefore(step) && !lastStep.isBefore(step)) {
                if (step == OrderStatus.ALLOCATED) {
                    allocate(order);
                }
                moveTo(order, step);
            }
        }
        Despatch despatch = null;
        if (target == OrderStatus.DESPATCHED) {
            despatch = despatch(order, request == null ? DespatchRequest.EVERYTHING : request);
            if (order.fullyDespatched()) {
                moveTo(order, OrderStatus.DESPATCHED);
            }
        }
        return new AdvanceResult(order, despatch);
    }

    private void moveTo(SalesOrder order, OrderStatus status) {
        order.setStatus(status, now());
        events.publish(WarehouseEvents.statusChange(order, settings().statusName(status)));
    }

    /** Null when the order's site has enough available stock for every unallocated line, else what is missing. */
    private String shortfall(SalesOrder order) {
        for (Map.Entry<String, Integer> need : unallocatedByItem(order).entrySet()) {
            StockLevel level = stock(need.getKey(), order.siteReference());
            int available = level == null ? 0 : level.available();
            if (available < need.getValue()) {
                return "item '" + need.getKey() + "' needs " + need.getValue() + " at site '"
                        + order.siteReference() + "', " + available + " available";
            }
        }
        return null;
    }

    private Map<String, Integer> unallocatedByItem(SalesOrder order) {
        Map<String, Integer> needed = new LinkedHashMap<>();
        for (SalesOrderLine line : order.lines()) {
            int unallocated = line.remaining() - line.allocated();
            if (unallocated > 0) {
                needed.merge(line.itemCode(), unallocated, Integer::sum);
            }
        }
        return needed;
    }

    private void allocate(SalesOrder order) {
        Map<String, Integer> needed = unallocatedByItem(order);
        for (SalesOrderLine line : order.lines()) {
            line.setAllocated(line.remaining());
        }
        needed.forEach((itemCode, quantity) ->
                changeStock(stockLevelFor(itemCode, order.siteReference()), 0, quantity, "Allocation"));
    }

    // ---- despatch ----------------------------------------------------------------------------------------

    private record DespatchPlan(Record carrier, Record serviceType, List<PackageRequest> packages) {
    }

    private DespatchPlan planDespatch(SalesOrder order, DespatchRequest request) {
        Record service = null;
        Record carrier = null;
        if (request.serviceType() != null) {
            service = serviceType(request.serviceType());
            if (service == null) {
                throw WarehouseException.badRequest("Service type '" + request.serviceType() + "' does not exist");
            }
        }
        if (request.carrier() != null) {
            carrier = carrier(request.carrier());
            if (carrier == null) {
                throw WarehouseException.badRequest("Carrier '" + request.carrier() + "' does not exist");
            }
        }
        if (service == null && carrier == null) {
            service = serviceType(order.header().text("ServiceType"));
        }
        if (service == null) {
            String carrierName = carrier == null ? null : carrier.text("Name");
            service = table(Table.SERVICE_TYPES).values().stream()
                    .filter(s -> carrierName == null || carrierName.equalsIgnoreCase(s.text("Carrier")))
                    .findFirst().orElse(null);
        }
        if (carrier == null && service != null) {
            carrier = carrier(service.text("Carrier"));
        }
        if (carrier != null && service != null && !carrier.text("Name").equalsIgnoreCase(service.text("Carrier"))) {
            throw WarehouseException.badRequest("Service type '" + service.text("Name") + "' belongs to carrier '"
                    + service.text("Carrier") + "', not '" + carrier.text("Name") + "'");
        }

        List<PackageRequest> packages = request.packages() == null || request.packages().isEmpty()
                ? List.of(new PackageRequest(null, null, remainingLines(order)))
                : request.packages();
        Map<String, Integer> remaining = new LinkedHashMap<>();
        order.lines().forEach(line -> remaining.merge(line.itemCode(), line.remaining(), Integer::sum));
        Map<String, Integer> shipped = new LinkedHashMap<>();
        for (PackageRequest pkg : packages) {
            if (pkg.lines() == null || pkg.lines().isEmpty()) {
                throw WarehouseException.badRequest("Every package needs at least one line");
            }
            for (Despatch.PackageLine line : pkg.lines()) {
                if (!remaining.containsKey(line.itemCode())) {
                    throw WarehouseException.badRequest("Item '" + line.itemCode() + "' is not on sales order '"
                            + order.number() + "'");
                }
                if (line.quantity() <= 0) {
                    throw WarehouseException.badRequest("Quantity of item '" + line.itemCode()
                            + "' must be greater than 0");
                }
                shipped.merge(line.itemCode(), line.quantity(), Integer::sum);
            }
        }
        shipped.forEach((itemCode, quantity) -> {
            if (quantity > remaining.get(itemCode)) {
                throw WarehouseException.conflict("Sales order '" + order.number() + "' has " + remaining.get(itemCode)
                        + " of item '" + itemCode + "' left to despatch, not " + quantity);
            }
        });
        if (shipped.isEmpty()) {
            throw WarehouseException.conflict("Sales order '" + order.number() + "' has nothing left to despatch");
        }
        return new DespatchPlan(carrier, service, packages);
    }

    private static List<Despatch.PackageLine> remainingLines(SalesOrder order) {
        Map<String, Integer> remaining = new LinkedHashMap<>();
        order.lines().forEach(line -> {
            if (line.remaining() > 0) {
                remaining.merge(line.itemCode(), line.remaining(), Integer::sum);
            }
        });
        List<Despatch.PackageLine> lines = new ArrayList<>();
        remaining.forEach((itemCode, quantity) -> lines.add(new Despatch.PackageLine(itemCode, quantity)));
        return lines;
    }

    private Despatch despatch(SalesOrder order, DespatchRequest request) {
        DespatchPlan plan = planDespatch(order, request);
        String number = String.format("DES%06d", ++despatchCounter);
        String carrierName = plan.carrier() == null ? null : plan.carrier().text("Name");
        List<Despatch.Package> packages = new ArrayList<>();
        for (PackageRequest pkg : plan.packages()) {
            String tracking = pkg.trackingNumber() == null || pkg.trackingNumber().isBlank()
                    ? trackingNumberFor(carrierName) : pkg.trackingNumber();
            packages.add(new Despatch.Package(number + "-" + (packages.size() + 1), tracking,
                    pkg.weight() != null ? pkg.weight() : weightOf(pkg.lines()), List.copyOf(pkg.lines())));
        }
        Despatch despatch = new Despatch(number, order.number(), carrierName,
                plan.serviceType() == null ? null : plan.serviceType().text("Name"), order.siteReference(), now(),
                List.copyOf(packages));
        despatches.add(despatch);
        trim();

        Map<String, Integer> shipped = new LinkedHashMap<>();
        packages.forEach(pkg -> pkg.lines().forEach(line -> shipped.merge(line.itemCode(), line.quantity(), Integer::sum)));
        shipped.forEach((itemCode, quantity) -> consume(order, itemCode, quantity));
        order.touch(now());

        events.publish(WarehouseEvents.trackingNumber(despatch, order, plan.carrier(), plan.serviceType()));
        for (Despatch.Package pkg : packages) {
            events.publish(WarehouseEvents.packageEvent(EventType.DespatchPackageTrackingNumberReceived, despatch, pkg));
            events.publish(WarehouseEvents.packageEvent(EventType.DespatchPackageDespatched, despatch, pkg));
        }
        return despatch;
    }

    /** Marks the quantity despatched on the order's lines and takes it out of stock (on hand and allocated). */
    private void consume(SalesOrder order, String itemCode, int quantity) {
        int left = quantity;
        int releasedAllocation = 0;
        for (SalesOrderLine line : order.lines()) {
            if (left == 0) {
                break;
            }
            if (line.itemCode().equals(itemCode) && line.remaining() > 0) {
                int take = Math.min(left, line.remaining());
                int fromAllocation = Math.min(take, line.allocated());
                line.addDespatched(take);
                line.setAllocated(line.allocated() - fromAllocation);
                releasedAllocation += fromAllocation;
                left -= take;
            }
        }
        changeStock(stockLevelFor(itemCode, order.siteReference()), -quantity, -releasedAllocation, "Despatch");
    }

    private BigDecimal weightOf(List<Despatch.PackageLine> lines) {
        BigDecimal total = BigDecimal.ZERO;
        for (Despatch.PackageLine line : lines) {
            Record item = item(line.itemCode());
            Object weight = item == null ? null : item.get("Weight");
            if (weight instanceof BigDecimal perItem) {
                total = total.add(perItem.multiply(BigDecimal.valueOf(line.quantity())));
            }
        }
        return total.signum() == 0 ? null : total;
    }

    private static String trackingNumberFor(String carrier) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (carrier != null && carrier.toUpperCase().startsWith("UPS")) {
            StringBuilder tracking = new StringBuilder("1Z");
            String alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
            for (int i = 0; i < 16; i++) {
                tracking.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return tracking.toString();
        }
        return String.format("%07d%07d", random.nextInt(10_000_000), random.nextInt(10_000_000));
    }

    public synchronized List<Despatch> despatches() {
        return List.copyOf(despatches);
    }

    // ---- returns and goods in ----------------------------------------------------------------------------

    public synchronized List<ReceivedReturn> returns() {
        return List.copyOf(returns);
    }

    /**
     * Books in a returned item. It must have been despatched on the order (and not returned already); a
     * reusable return goes back into stock at its site. Fires Returns (and availability events).
     */
    public synchronized ReceivedReturn receiveReturn(ReturnReceipt receipt) {
        SalesOrder order = order(receipt.salesOrderNumber());
        if (order == null) {
            throw WarehouseException.badRequest("Sales order '" + receipt.salesOrderNumber() + "' does not exist");
        }
        if (item(receipt.itemCode()) == null) {
            throw WarehouseException.badRequest("Item '" + receipt.itemCode() + "' does not exist");
        }
        if (receipt.quantity() <= 0) {
            throw WarehouseException.badRequest("quantity must be greater than 0");
        }
        Record expected = null;
        if (receipt.rmaNumber() != null && !receipt.rmaNumber().isBlank()) {
            boolean rmaExists = table(Table.EXPECTED_RETURNS).values().stream()
                    .anyMatch(r -> receipt.rmaNumber().equals(r.text("RmaNumber")));
            if (!rmaExists) {
                throw WarehouseException.badRequest("RMA '" + receipt.rmaNumber() + "' does not exist");
            }
            expected = table(Table.EXPECTED_RETURNS).values().stream()
                    .filter(r -> receipt.rmaNumber().equals(r.text("RmaNumber"))
                            && receipt.itemCode().equals(r.text("ItemCode")))
                    .findFirst()
                    .orElseThrow(() -> WarehouseException.badRequest("RMA '" + receipt.rmaNumber()
                            + "' has no line for item '" + receipt.itemCode() + "'"));
        }
        int despatched = order.lines().stream().filter(line -> line.itemCode().equals(receipt.itemCode()))
                .mapToInt(SalesOrderLine::despatched).sum();
        int alreadyReturned = returns.stream().filter(r -> r.salesOrderNumber().equals(order.number())
                && r.itemCode().equals(receipt.itemCode())).mapToInt(ReceivedReturn::quantity).sum();
        if (alreadyReturned + receipt.quantity() > despatched) {
            throw WarehouseException.conflict("Sales order '" + order.number() + "' has " + despatched + " of item '"
                    + receipt.itemCode() + "' despatched and " + alreadyReturned + " returned already; cannot return "
                    + receipt.quantity() + " more");
        }
        String site = receipt.site();
        if (site == null && expected != null) {
            site = expected.text("Site");
        }
        Record siteRecord = site(site == null ? order.siteReference() : site);
        if (siteRecord == null) {
            throw WarehouseException.badRequest("Site '" + site + "' does not exist");
        }
        String condition = receipt.condition() == null ? "Good" : receipt.condition();
        boolean reusable = receipt.reusable() != null ? receipt.reusable() : condition.equalsIgnoreCase("Good");
        String reason = receipt.reason() != null ? receipt.reason() : expected == null ? null : expected.text("ReturnReason");
        String comments = receipt.comments() != null ? receipt.comments()
                : expected == null ? null : expected.text("Comments");
        String returnCode = receipt.returnCode();
        if (returnCode != null && !returnCode.isBlank()) {
            boolean ofThisOrder = returns.stream().anyMatch(r -> r.returnCode().equals(receipt.returnCode())
                    && r.salesOrderNumber().equals(order.number()));
            if (!ofThisOrder) {
                throw WarehouseException.badRequest("Return '" + returnCode + "' is not a return of sales order '"
                        + order.number() + "'");
            }
        } else {
            returnCode = String.format("RET%06d", ++returnCounter);
        }
        ReceivedReturn received = new ReceivedReturn(returnCode,
                expected == null ? blankToNull(receipt.rmaNumber()) : expected.text("RmaNumber"), order.number(),
                receipt.itemCode(), receipt.quantity(), reason, condition, comments, reusable,
                siteRecord.text("Reference"), now());
        returns.add(received);
        trim();
        if (reusable) {
            changeStock(stockLevelFor(receipt.itemCode(), received.siteReference()), receipt.quantity(), 0, "Return");
        }
        events.publish(WarehouseEvents.returned(received));
        if (reusable) {
            allocateWaitingOrders(received.siteReference());
        }
        return received;
    }

    /** Quantity received so far against an expected return line. */
    public synchronized int receivedQuantity(String rmaNumber, String itemCode) {
        return returns.stream().filter(r -> rmaNumber.equals(r.rmaNumber()) && itemCode.equals(r.itemCode()))
                .mapToInt(ReceivedReturn::quantity).sum();
    }

    public synchronized List<GoodsReceipt> goodsReceipts() {
        return List.copyOf(goodsReceipts);
    }

    /** Books goods in at a site (purchase order delivery); fires GoodsReceived and availability events. */
    public synchronized GoodsReceipt receiveGoods(GoodsIn goodsIn) {
        Record siteRecord = site(goodsIn.site() == null ? defaultSiteReference() : goodsIn.site());
        if (siteRecord == null) {
            throw WarehouseException.badRequest("Site '" + goodsIn.site() + "' does not exist");
        }
        Record purchaseOrder = null;
        if (goodsIn.purchaseOrderNumber() != null) {
            purchaseOrder = table(Table.PURCHASE_ORDERS).get(goodsIn.purchaseOrderNumber());
            if (purchaseOrder == null) {
                throw WarehouseException.badRequest("Purchase order '" + goodsIn.purchaseOrderNumber()
                        + "' does not exist");
            }
        }
        if (goodsIn.lines() == null || goodsIn.lines().isEmpty()) {
            throw WarehouseException.badRequest("lines must not be empty");
        }
        for (Despatch.PackageLine line : goodsIn.lines()) {
            if (item(line.itemCode()) == null) {
                throw WarehouseException.badRequest("Item '" + line.itemCode() + "' does not exist");
            }
            if (line.quantity() <= 0) {
                throw WarehouseException.badRequest("Quantity of item '" + line.itemCode() + "' must be greater than 0");
            }
        }
        int id = ++goodsInCounter;
        String reference = goodsIn.reference() == null ? String.format("GI%06d", id) : goodsIn.reference();
        GoodsReceipt receipt = new GoodsReceipt(id, reference, goodsIn.purchaseOrderNumber(),
                siteRecord.text("Reference"), now(), List.copyOf(goodsIn.lines()));
        goodsReceipts.add(receipt);
        trim();
        for (Despatch.PackageLine line : goodsIn.lines()) {
            changeStock(stockLevelFor(line.itemCode(), receipt.siteReference()), line.quantity(), 0, "Goods in");
        }
        if (purchaseOrder != null) {
            purchaseOrder.put("Status", "Complete");
        }
        events.publish(WarehouseEvents.goodsReceived(receipt, Collections.unmodifiableMap(table(Table.ITEMS))));
        allocateWaitingOrders(receipt.siteReference());
        return receipt;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
