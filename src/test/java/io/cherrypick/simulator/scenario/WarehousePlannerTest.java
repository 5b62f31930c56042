package io.cherrypick.simulator.scenario;

import io.cherrypick.simulator.scenario.PeoplevoxControl.Advance;
import io.cherrypick.simulator.scenario.PeoplevoxControl.DespatchPackage;
import io.cherrypick.simulator.scenario.PeoplevoxControl.PackageLine;
import io.cherrypick.simulator.scenario.PeoplevoxControl.ReturnReceipt;
import io.cherrypick.simulator.scenario.PeoplevoxControl.SalesOrder;
import io.cherrypick.simulator.scenario.PeoplevoxControl.SalesOrderLine;
import io.cherrypick.simulator.scenario.PeoplevoxControl.StockMovement;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class WarehousePlannerTest {

    private final Catalogue catalogue = CatalogueGenerator.generate(40, new SplittableRandom(42));
    private final WarehousePlanner always = new WarehousePlanner(catalogue, new SplittableRandom(1), 1.0);

    private SalesOrder order(String status, String serviceType, String site, int... quantities) {
        List<SalesOrderLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < quantities.length; i++) {
            lines.add(new SalesOrderLine(Integer.toString(i + 1), catalogue.skus().get(i * 7).upc(), quantities[i], 0));
        }
        return new SalesOrder("100001", status, site, serviceType == null ? Map.of() : Map.of("ServiceType", serviceType), lines);
    }

    @Test
    void movesAnOrderExactlyOneStatusOn() {
        assertThat(always.nextStep(order("New", "UPS Ground", "PrimarySite", 1))).contains(Advance.to("Allocated"));
        assertThat(always.nextStep(order("Allocated", "UPS Ground", "PrimarySite", 1))).contains(Advance.to("Picking"));
        assertThat(always.nextStep(order("Picking", "UPS Ground", "PrimarySite", 1))).contains(Advance.to("Packed"));
        assertThat(always.nextStep(order("Packed", "UPS Ground", "PrimarySite", 1)).orElseThrow().to()).isEqualTo("Despatched");
    }

    @Test
    void leavesFinishedCancelledAndUnknownStatusesAlone() {
        assertThat(always.nextStep(order("Despatched", "UPS Ground", "PrimarySite", 1))).isEmpty();
        assertThat(always.nextStep(order("Cancelled", "UPS Ground", "PrimarySite", 1))).isEmpty();
        assertThat(always.nextStep(order("On hold", "UPS Ground", "PrimarySite", 1))).isEmpty();
    }

    @Test
    void dwellsWithTheConfiguredProbability() {
        WarehousePlanner never = new WarehousePlanner(catalogue, new SplittableRandom(1), 0.0);
        assertThat(never.nextStep(order("New", "UPS Ground", "PrimarySite", 1))).isEmpty();
        WarehousePlanner half = new WarehousePlanner(catalogue, new SplittableRandom(1), 0.5);
        long moved = java.util.stream.IntStream.range(0, 1000)
                .filter(i -> half.nextStep(order("New", "UPS Ground", "PrimarySite", 1)).isPresent()).count();
        assertThat(moved).isBetween(430L, 570L);
    }

    @Test
    void despatchUsesTheOrdersServiceTypeAndItsCarrier() {
        Map<String, String> carriers = Map.of("UPS Ground", "UPS", "FedEx Express", "FedEx",
                "DHL Parcel UK", "DHL", "Royal Mail Tracked 48", "Royal Mail");
        carriers.forEach((service, carrier) -> {
            Advance despatch = always.despatch(order("Packed", service, "PrimarySite", 2, 1));
            assertThat(despatch.serviceType()).isEqualTo(service);
            assertThat(despatch.carrier()).isEqualTo(carrier);
            assertThat(despatch.packages()).allMatch(p -> !p.trackingNumber().isBlank() && p.weight().signum() > 0);
        });
        Advance ups = always.despatch(order("Packed", "UPS Ground", "PrimarySite", 1));
        assertThat(ups.packages().get(0).trackingNumber()).matches("1Z[A-Z0-9]{16}");
    }

    @Test
    void despatchWithoutServiceTypeFallsBackBySite() {
        assertThat(always.despatch(order("Packed", null, "LondonSite", 1)).carrier()).isEqualTo("Royal Mail");
        assertThat(always.despatch(order("Packed", null, "PrimarySite", 1)).carrier()).isEqualTo("UPS");
    }

    @Test
    void packagesHoldExactlyWhatIsOpenInOneOrTwoParcels() {
        Set<Integer> packageCounts = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            SalesOrder order = order("Packed", "DHL Parcel UK", "LondonSite", 3, 1, 2);
            Advance despatch = always.despatch(order);
            packageCounts.add(despatch.packages().size());
            Map<String, Integer> packed = despatch.packages().stream().flatMap(p -> p.lines().stream())
                    .collect(Collectors.toMap(PackageLine::itemCode, PackageLine::quantity, Integer::sum));
            Map<String, Integer> open = order.lines().stream()
                    .collect(Collectors.toMap(SalesOrderLine::itemCode, SalesOrderLine::remaining));
            assertThat(packed).isEqualTo(open);
            assertThat(despatch.packages()).allMatch(p -> !p.lines().isEmpty());
        }
        assertThat(packageCounts).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void partlyDespatchedLinesOnlyShipTheRest() {
        SalesOrder order = new SalesOrder("100002", "Packed", "PrimarySite", Map.of("ServiceType", "UPS Ground"),
                List.of(new SalesOrderLine("1", catalogue.skus().get(0).upc(), 3, 2)));
        List<DespatchPackage> packages = always.despatch(order).packages();
        assertThat(packages.stream().flatMap(p -> p.lines().stream()).mapToInt(PackageLine::quantity).sum()).isEqualTo(1);
    }

    @Test
    void stockMovementsAreCatalogueItemsAtConfiguredSites() {
        List<StockMovement> movements = always.stockMovements(100, List.of("PrimarySite", "LondonSite"),
                new StockView(catalogue.skus().stream().flatMap(sku -> java.util.stream.Stream.of(
                        new PeoplevoxControl.Stock(sku.upc(), "PrimarySite", 5, 0, 5),
                        new PeoplevoxControl.Stock(sku.upc(), "LondonSite", 5, 0, 5))).toList()));
        assertThat(movements).hasSize(100).allMatch(m -> catalogue.containsUpc(m.itemCode()) && m.delta() != 0
                && (m.site().equals("PrimarySite") || m.site().equals("LondonSite")));
        assertThat(movements).anyMatch(m -> m.delta() > 0).anyMatch(m -> m.delta() < 0);
    }

    @Test
    void stockNeverGoesNegative() {
        List<StockMovement> movements = always.stockMovements(200, List.of("PrimarySite"), new StockView(List.of()));
        assertThat(movements).allMatch(m -> m.delta() > 0);
    }

    @Test
    void ordersShortAtTheirSiteGetGoodsInInsteadOfAllocation() {
        SalesOrder order = order("New", "UPS Ground", "PrimarySite", 3, 2);
        String first = order.lines().get(0).itemCode();
        String second = order.lines().get(1).itemCode();
        StockView stock = new StockView(List.of(new PeoplevoxControl.Stock(first, "PrimarySite", 4, 0, 4),
                new PeoplevoxControl.Stock(second, "PrimarySite", 3, 2, 1),
                new PeoplevoxControl.Stock(second, "LondonSite", 9, 0, 9)));
        List<StockMovement> goodsIn = always.replenishmentFor(order, stock);
        assertThat(goodsIn).hasSize(1);
        assertThat(goodsIn.get(0).itemCode()).isEqualTo(second);
        assertThat(goodsIn.get(0).site()).isEqualTo("PrimarySite");
        assertThat(goodsIn.get(0).delta()).isBetween(1, 10);
        stock.change(second, "PrimarySite", 1);
        assertThat(always.replenishmentFor(order, stock)).isEmpty();
    }

    @Test
    void returnsComeFromDespatchedLinesOfThePick() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
        OrderGenerator orders = new OrderGenerator(catalogue, new SplittableRandom(5), clock, 100_001);
        for (GeneratedPick pick : orders.generate(100, 0.0)) {
            List<SalesOrderLine> lines = pick.lines().stream()
                    .map(l -> new SalesOrderLine(Integer.toString(l.lineSeq()), l.upc(), l.bkQty(), l.bkQty())).toList();
            SalesOrder order = new SalesOrder(pick.pickNum(), "Despatched", "PrimarySite", Map.of(), lines);
            ReturnAuthorisation ra = always.returnFor(order, pick, "RA500001", LocalDate.of(2026, 11, 30)).orElseThrow();
            assertThat(ra.pickNum()).isEqualTo(pick.pickNum());
            assertThat(ra.ordNum()).isEqualTo(pick.ordNum());
            assertThat(ra.customer()).isEqualTo(pick.customer());
            assertThat(ra.location()).isEqualTo(pick.location());
            assertThat(ra.reasonCode()).isIn("WS", "DF", "NW", "ND");
            assertThat(ra.rows()).isNotEmpty().hasSizeLessThanOrEqualTo(pick.lines().size());
            for (int i = 0; i < ra.rows().size(); i++) {
                ReturnAuthorisation.Line row = ra.rows().get(i);
                assertThat(row.lineSeq()).isEqualTo(i + 1);
                PickLine picked = pick.lines().stream().filter(l -> l.upc().equals(row.upc())).findFirst().orElseThrow();
                assertThat(row.raQty()).isBetween(1, picked.bkQty());
                assertThat(row.style()).isEqualTo(picked.style());
                assertThat(row.sizeDesc()).isEqualTo(picked.sizeDesc());
            }
            List<PeoplevoxControl.ExpectedReturn> expected = ra.rows().stream()
                    .map(r -> new PeoplevoxControl.ExpectedReturn("RA500001", pick.pickNum(), r.upc(), r.raQty(), 0)).toList();
            List<ReturnReceipt> receipts = always.receiptsFor(ra, order.salesOrderNumber(), expected);
            assertThat(always.receiptsFor(ra, order.salesOrderNumber(), List.of())).as("unannounced returns carry no RMA")
                    .allMatch(r -> r.rmaNumber() == null);
            assertThat(receipts).hasSameSizeAs(ra.rows()).allMatch(r -> "RA500001".equals(r.rmaNumber())
                    && r.salesOrderNumber().equals(pick.pickNum())
                    && (r.condition().equals("Good") == r.reusable())
                    && !r.reason().isBlank());
        }
    }

    @Test
    void noReturnWhenNothingWasDespatched() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
        GeneratedPick pick = new OrderGenerator(catalogue, new SplittableRandom(5), clock, 100_001).generate(1, 0.0).get(0);
        SalesOrder order = new SalesOrder(pick.pickNum(), "Despatched", "PrimarySite", Map.of(),
                List.of(new SalesOrderLine("1", pick.lines().get(0).upc(), 1, 0)));
        assertThat(always.returnFor(order, pick, "RA1", LocalDate.of(2026, 11, 30))).isEmpty();
    }

    @Test
    void carriersAndTrackingNumbers() {
        assertThat(Carriers.carrierFor("Parcelforce 24")).isEqualTo("Parcelforce");
        assertThat(Carriers.royalMailS10("RR", "47312482")).isEqualTo("RR473124829GB");
        SplittableRandom random = new SplittableRandom(3);
        assertThat(Carriers.trackingNumber(Carriers.FEDEX, random)).matches("\\d{12}");
        assertThat(Carriers.trackingNumber(Carriers.DHL, random)).matches("JD01\\d{16}");
        assertThat(Carriers.trackingNumber(Carriers.ROYAL_MAIL, random)).matches("[A-Z]{2}\\d{9}GB");
    }
}
