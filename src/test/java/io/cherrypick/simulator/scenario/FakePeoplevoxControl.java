package io.cherrypick.simulator.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In-memory stand-in for the Peoplevox simulator's control API. Holds sales orders whose status only moves one
 * step at a time (a skipped step throws, so a test sees it) and stock that must cover an allocation (as the real
 * simulator demands), and records seeds, advances, stock movements and returns.
 */
public class FakePeoplevoxControl implements PeoplevoxControl {

    private final List<Seed> seeds = new ArrayList<>();
    private final Map<String, SalesOrder> orders = new LinkedHashMap<>();
    private final List<String> advancedOrders = new ArrayList<>();
    private final List<Advance> despatches = new ArrayList<>();
    private final List<StockMovement> stockMovements = new ArrayList<>();
    private final List<ReturnReceipt> receipts = new ArrayList<>();
    private final Map<String, int[]> stock = new LinkedHashMap<>();   // itemCode|site -> {onHand, allocated}
    private final List<ExpectedReturn> expectedReturns = new ArrayList<>();
    private int stateFailuresToGo;
    private String failAdvanceOf;

    /** As the sales-order flow would: every good pick becomes a New order at its location's site. */
    public synchronized void importPicks(List<GeneratedPick> picks) {
        for (GeneratedPick pick : picks) {
            if (pick.isBad() || orders.containsKey(pick.pickNum())) {
                continue;
            }
            String site = pick.location().equals("LDN") ? "LondonSite" : "PrimarySite";
            String serviceType = switch (pick.shipper()) {
                case "UPS" -> "UPS Ground";
                case "FEDX" -> "FedEx Express";
                case "DHL" -> "DHL Parcel UK";
                default -> "Royal Mail Tracked 48";
            };
            List<SalesOrderLine> lines = pick.lines().stream()
                    .map(l -> new SalesOrderLine(Integer.toString(l.lineSeq()), l.upc(), l.bkQty(), 0)).toList();
            orders.put(pick.pickNum(), new SalesOrder(pick.pickNum(), "New", site, Map.of("ServiceType", serviceType), lines));
        }
    }

    @Override
    public synchronized void seed(Seed seed) {
        seeds.add(seed);
        for (StockLevel level : seed.stock()) {
            stock.put(level.itemCode() + "|" + level.site(), new int[] {level.onHand(), 0});
        }
    }

    /** As the returns flow would: Peoplevox now expects this RMA line. */
    public synchronized void expectReturn(String rmaNumber, String salesOrderNumber, String itemCode, int quantity) {
        expectedReturns.add(new ExpectedReturn(rmaNumber, salesOrderNumber, itemCode, quantity, 0));
    }

    @Override
    public synchronized State state() {
        if (stateFailuresToGo > 0) {
            stateFailuresToGo--;
            throw new ControlCallException("GET http://fake/sim/peoplevox/_control/state failed: Connection refused");
        }
        List<Stock> levels = new ArrayList<>();
        stock.forEach((key, value) -> {
            String[] parts = key.split("\\|");
            levels.add(new Stock(parts[0], parts[1], value[0], value[1], value[0] - value[1]));
        });
        return new State(List.copyOf(orders.values()), levels, List.copyOf(expectedReturns));
    }

    @Override
    public synchronized void advanceOrder(String salesOrderNumber, Advance advance) {
        if (salesOrderNumber.equals(failAdvanceOf)) {
            throw new ControlCallException("POST http://fake/sim/peoplevox/_control/orders/" + salesOrderNumber + "/advance answered 500");
        }
        SalesOrder order = orders.get(salesOrderNumber);
        if (order == null) {
            throw new IllegalStateException("no sales order " + salesOrderNumber);
        }
        int from = PROGRESSION.indexOf(order.status());
        if (PROGRESSION.indexOf(advance.to()) != from + 1) {
            throw new IllegalStateException("order " + salesOrderNumber + " skipped from " + order.status() + " to " + advance.to());
        }
        List<SalesOrderLine> lines = order.lines();
        if (advance.to().equals("Allocated")) {
            for (SalesOrderLine line : lines) {   // Peoplevox refuses to allocate short
                int[] level = level(line.itemCode(), order.site());
                if (level[0] - level[1] < line.quantity()) {
                    throw new ControlCallException("POST http://fake/sim/peoplevox/_control/orders/" + salesOrderNumber
                            + "/advance answered 409: cannot be allocated: item " + line.itemCode());
                }
            }
            lines.forEach(line -> level(line.itemCode(), order.site())[1] += line.quantity());
        }
        if (advance.to().equals("Despatched")) {
            lines.forEach(line -> {
                int[] level = level(line.itemCode(), order.site());
                level[0] -= line.quantity();
                level[1] -= line.quantity();
            });
            despatches.add(advance);
            lines = lines.stream().map(l -> new SalesOrderLine(l.line(), l.itemCode(), l.quantity(), l.quantity())).toList();
        }
        orders.put(salesOrderNumber, new SalesOrder(salesOrderNumber, advance.to(), order.site(), order.fields(), lines));
        advancedOrders.add(salesOrderNumber);
    }

    @Override
    public synchronized void moveStock(StockMovement movement) {
        stockMovements.add(movement);
        level(movement.itemCode(), movement.site())[0] += movement.delta();
    }

    /** On hand and allocated of an item at a site. */
    public synchronized int[] level(String itemCode, String site) {
        return stock.computeIfAbsent(itemCode + "|" + site, key -> new int[] {0, 0});
    }

    @Override
    public synchronized void receiveReturn(ReturnReceipt receipt) {
        receipts.add(receipt);
    }

    public synchronized void failStateNext(int calls) {
        stateFailuresToGo = calls;
    }

    public synchronized void failAdvanceOf(String salesOrderNumber) {
        failAdvanceOf = salesOrderNumber;
    }

    public synchronized void reset() {
        seeds.clear();
        orders.clear();
        advancedOrders.clear();
        despatches.clear();
        stockMovements.clear();
        receipts.clear();
        stock.clear();
        expectedReturns.clear();
        stateFailuresToGo = 0;
        failAdvanceOf = null;
    }

    public synchronized List<Seed> seeds() {
        return List.copyOf(seeds);
    }

    public synchronized Map<String, String> statuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        orders.forEach((number, order) -> statuses.put(number, order.status()));
        return statuses;
    }

    public synchronized List<String> advancedOrders() {
        return List.copyOf(advancedOrders);
    }

    public synchronized List<Advance> despatches() {
        return List.copyOf(despatches);
    }

    public synchronized List<StockMovement> stockMovements() {
        return List.copyOf(stockMovements);
    }

    public synchronized List<ReturnReceipt> receipts() {
        return List.copyOf(receipts);
    }
}
