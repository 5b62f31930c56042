package io.cherrypick.simulator.scenario;

import io.cherrypick.simulator.scenario.PeoplevoxControl.Advance;
import io.cherrypick.simulator.scenario.PeoplevoxControl.DespatchPackage;
import io.cherrypick.simulator.scenario.PeoplevoxControl.ExpectedReturn;
import io.cherrypick.simulator.scenario.PeoplevoxControl.PackageLine;
import io.cherrypick.simulator.scenario.PeoplevoxControl.ReturnReceipt;
import io.cherrypick.simulator.scenario.PeoplevoxControl.SalesOrder;
import io.cherrypick.simulator.scenario.PeoplevoxControl.SalesOrderLine;
import io.cherrypick.simulator.scenario.PeoplevoxControl.StockMovement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import static io.cherrypick.simulator.scenario.Randoms.pick;
import static io.cherrypick.simulator.scenario.Randoms.shuffle;

/**
 * Decides what the warehouse does on a tick: which orders move a step, how a despatch is packed, which stock
 * moves, and what comes back as a return. Pure decisions over a seeded random generator; the caller makes the calls.
 */
final class WarehousePlanner {

    /** A Blue Cherry reason code with the text the warehouse records on receipt. */
    record ReturnReason(String code, String text) {
    }

    static final List<ReturnReason> RETURN_REASONS = List.of(
            new ReturnReason("WS", "Wrong size"),
            new ReturnReason("DF", "Faulty"),
            new ReturnReason("NW", "No longer wanted"),
            new ReturnReason("ND", "Not as described"));

    private static final BigDecimal PACKAGING_WEIGHT = new BigDecimal("0.20");
    private static final BigDecimal UNKNOWN_ITEM_WEIGHT = new BigDecimal("0.50");
    private static final double TWO_PACKAGE_SHARE = 0.3;
    private static final double DAMAGED_SHARE = 0.2;

    private final Catalogue catalogue;
    private final RandomGenerator random;
    private final double advanceProbability;

    WarehousePlanner(Catalogue catalogue, RandomGenerator random, double advanceProbability) {
        this.catalogue = catalogue;
        this.random = random;
        this.advanceProbability = advanceProbability;
    }

    /**
     * The next step for an order still in the warehouse, or empty when it dwells this tick (or is finished,
     * cancelled, or in a status the scenario does not know).
     */
    Optional<Advance> nextStep(SalesOrder order) {
        int position = PeoplevoxControl.PROGRESSION.indexOf(order.status());
        if (position < 0 || position == PeoplevoxControl.PROGRESSION.size() - 1) {
            return Optional.empty();
        }
        if (random.nextDouble() >= advanceProbability) {
            return Optional.empty();
        }
        String next = PeoplevoxControl.PROGRESSION.get(position + 1);
        return Optional.of(next.equals("Despatched") ? despatch(order) : Advance.to(next));
    }

    /** Despatch everything still open on the order in one or two packages with the order's service type. */
    Advance despatch(SalesOrder order) {
        String serviceType = order.field("ServiceType");
        if (serviceType.isBlank()) {
            serviceType = Carriers.defaultServiceType(order.site());
        }
        String carrier = Carriers.carrierFor(serviceType);

        List<String> units = new ArrayList<>();
        for (SalesOrderLine line : order.lines()) {
            for (int i = 0; i < line.remaining(); i++) {
                units.add(line.itemCode());
            }
        }
        List<List<String>> parcels = new ArrayList<>();
        if (units.size() >= 2 && random.nextDouble() < TWO_PACKAGE_SHARE) {
            shuffle(units, random);
            int cut = 1 + random.nextInt(units.size() - 1);
            parcels.add(units.subList(0, cut));
            parcels.add(units.subList(cut, units.size()));
        } else {
            parcels.add(units);
        }
        List<DespatchPackage> packages = new ArrayList<>();
        for (List<String> parcel : parcels) {
            packages.add(new DespatchPackage(Carriers.trackingNumber(carrier, random), weightOf(parcel), packageLines(parcel)));
        }
        return new Advance("Despatched", carrier, serviceType, packages);
    }

    private static List<PackageLine> packageLines(List<String> units) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (String itemCode : units) {
            quantities.merge(itemCode, 1, Integer::sum);
        }
        return quantities.entrySet().stream().map(e -> new PackageLine(e.getKey(), e.getValue())).toList();
    }

    private BigDecimal weightOf(List<String> units) {
        BigDecimal weight = PACKAGING_WEIGHT;
        for (String itemCode : units) {
            weight = weight.add(catalogue.findByUpc(itemCode).map(CatalogueSku::weight).orElse(UNKNOWN_ITEM_WEIGHT));
        }
        return weight.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Goods in for what an order about to be allocated lacks at its site (the shortfall and a few more), so it
     * can be allocated on a later tick; empty when everything is available. Peoplevox refuses to allocate short.
     */
    List<StockMovement> replenishmentFor(SalesOrder order, StockView stock) {
        Map<String, Integer> needed = new LinkedHashMap<>();
        for (SalesOrderLine line : order.lines()) {
            needed.merge(line.itemCode(), line.remaining(), Integer::sum);
        }
        List<StockMovement> goodsIn = new ArrayList<>();
        needed.forEach((itemCode, quantity) -> {
            int shortfall = quantity - stock.available(itemCode, order.site());
            if (shortfall > 0) {
                goodsIn.add(new StockMovement(itemCode, order.site(), shortfall + random.nextInt(10)));
            }
        });
        return goodsIn;
    }

    /**
     * Goods in, damages and count corrections: mostly small additions, sometimes a unit or two out (only what is
     * available, so stock never goes negative).
     */
    List<StockMovement> stockMovements(int count, List<String> sites, StockView stock) {
        List<StockMovement> movements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            CatalogueSku sku = pick(catalogue.skus(), random);
            String site = pick(sites, random);
            int delta = random.nextDouble() < 0.7 ? 1 + random.nextInt(12) : -(1 + random.nextInt(2));
            if (delta < 0 && stock.available(sku.upc(), site) < -delta) {
                delta = -delta;
            }
            movements.add(new StockMovement(sku.upc(), site, delta));
        }
        return movements;
    }

    /**
     * A return authorisation for some of what was despatched on an order created from {@code pick}: usually one
     * line, one or more units of it. Empty when no despatched line matches a line of the pick.
     */
    Optional<ReturnAuthorisation> returnFor(SalesOrder order, GeneratedPick pick, String raNum, LocalDate raDate) {
        List<ReturnAuthorisation.Line> candidates = new ArrayList<>();
        for (SalesOrderLine line : order.lines()) {
            int despatched = line.despatched() == null ? line.quantity() : line.despatched();
            if (despatched <= 0) {
                continue;
            }
            pick.lines().stream().filter(pickLine -> pickLine.upc().equals(line.itemCode())).findFirst()
                    .ifPresent(pickLine -> candidates.add(new ReturnAuthorisation.Line(0, pickLine.style(),
                            pickLine.colorCode(), pickLine.lblCode(), pickLine.dimension(), pickLine.sizeDesc(),
                            pickLine.upc(), 1 + random.nextInt(despatched))));
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        shuffle(candidates, random);
        int lineCount = random.nextDouble() < 0.8 ? 1 : 1 + random.nextInt(candidates.size());
        List<ReturnAuthorisation.Line> rows = new ArrayList<>(lineCount);
        for (int i = 0; i < lineCount; i++) {
            ReturnAuthorisation.Line line = candidates.get(i);
            rows.add(new ReturnAuthorisation.Line(i + 1, line.style(), line.colorCode(), line.lblCode(),
                    line.dimension(), line.sizeDesc(), line.upc(), line.raQty()));
        }
        ReturnReason reason = pick(RETURN_REASONS, random);
        return Optional.of(new ReturnAuthorisation(raNum, pick.ordNum(), pick.pickNum(), pick.customer(),
                pick.location(), reason.code(), raDate, rows));
    }

    /**
     * What the warehouse books in when the parcel comes back: one receipt per RA line, mostly in good condition.
     * The RMA number goes with a line only when Peoplevox expects that return (the returns flow announced it).
     */
    List<ReturnReceipt> receiptsFor(ReturnAuthorisation ra, String salesOrderNumber, List<ExpectedReturn> expected) {
        String reason = RETURN_REASONS.stream().filter(r -> r.code().equals(ra.reasonCode())).findFirst()
                .map(ReturnReason::text).orElse(ra.reasonCode());
        List<ReturnReceipt> receipts = new ArrayList<>();
        for (ReturnAuthorisation.Line line : ra.rows()) {
            boolean damaged = random.nextDouble() < DAMAGED_SHARE;
            boolean announced = expected.stream().anyMatch(e -> ra.raNum().equals(e.rmaNumber()) && line.upc().equals(e.itemCode()));
            receipts.add(new ReturnReceipt(salesOrderNumber, announced ? ra.raNum() : null, line.upc(), line.raQty(),
                    reason, damaged ? "Damaged" : "Good", !damaged));
        }
        return receipts;
    }
}
