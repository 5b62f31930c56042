package io.cherrypick.simulator.scenario;

import io.cherrypick.simulator.scenario.PeoplevoxControl.Advance;
import io.cherrypick.simulator.scenario.PeoplevoxControl.DespatchPackage;
import io.cherrypick.simulator.scenario.PeoplevoxControl.Seed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The scenario's behaviour against fake control APIs (no HTTP): setup, orders, warehouse, returns, failures. */
class ScenarioGeneratorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    private final FakePeoplevoxControl peoplevox = new FakePeoplevoxControl();
    private final FakeBlueCherryControl blueCherry = new FakeBlueCherryControl();
    private ScenarioGenerator scenario;

    private ScenarioGenerator scenario(ScenarioProperties properties) {
        scenario = new ScenarioGenerator(properties, peoplevox, blueCherry, CLOCK);
        return scenario;
    }

    @AfterEach
    void stop() {
        if (scenario != null) {
            scenario.close();
        }
    }

    @Test
    void createCatalogueSendsLocationStylesItemsAndStock() {
        ScenarioGenerator generator = scenario(new ScenarioProperties());
        ScenarioGenerator.CatalogueResult result = generator.createCatalogue();

        Catalogue catalogue = generator.catalogue();
        assertThat(result.styles()).isEqualTo(40);
        assertThat(result.skus()).isEqualTo(catalogue.skus().size());
        assertThat(blueCherry.locations()).containsExactly(new BlueCherryControl.Location("MIA", "Miami DC", "W"));
        assertThat(blueCherry.styleCalls()).containsExactly(catalogue.styles());

        Seed seed = peoplevox.seeds().get(0);
        assertThat(seed.sites()).extracting(PeoplevoxControl.Site::reference).containsExactly("PrimarySite", "LondonSite");
        assertThat(seed.sites()).extracting(PeoplevoxControl.Site::name).containsExactly("Primary", "London");
        assertThat(seed.items()).hasSize(catalogue.skus().size()).allSatisfy(item -> {
            assertThat(item.itemCode()).isEqualTo(item.barcode());
            assertThat(catalogue.containsUpc(item.itemCode())).isTrue();
            assertThat(item.name()).hasSizeLessThanOrEqualTo(50);
        });
        assertThat(seed.stock()).hasSize(catalogue.skus().size() * 2)
                .allMatch(s -> s.onHand() >= 0 && s.onHand() <= 40)
                .anyMatch(s -> s.onHand() == 0);
        assertThat(result.peoplevoxItems()).isEqualTo(seed.items().size());
        assertThat(result.peoplevoxStockRows()).isEqualTo(seed.stock().size());

        generator.createCatalogue();
        assertThat(peoplevox.seeds().get(1)).as("a repeated preload sends the same data").isEqualTo(seed);
    }

    @Test
    void withoutPreloadPeoplevoxIsLeftAlone() {
        ScenarioProperties properties = new ScenarioProperties();
        properties.setPreloadPeoplevoxItems(false);
        ScenarioGenerator.CatalogueResult result = scenario(properties).createCatalogue();
        assertThat(peoplevox.seeds()).isEmpty();
        assertThat(result.peoplevoxItems()).isZero();
        assertThat(scenario.state().itemsInPeoplevox()).isFalse();
    }

    @Test
    void createOrdersSetsUpTheCatalogueOnceAndReportsBadPicks() {
        ScenarioGenerator generator = scenario(new ScenarioProperties());
        List<GeneratedPick> first = generator.createOrders(10, 0.2);
        List<GeneratedPick> second = generator.createOrders(10, 0.0);

        assertThat(blueCherry.styleCalls()).hasSize(1);
        assertThat(peoplevox.seeds()).hasSize(1);
        assertThat(blueCherry.picks()).hasSize(20).containsAll(first).containsAll(second);
        assertThat(first.stream().filter(GeneratedPick::isBad).map(GeneratedPick::badReason))
                .containsExactlyInAnyOrder(BadOrderReason.UNKNOWN_SKU, BadOrderReason.UNMAPPED_LOCATION);
        assertThat(second).noneMatch(GeneratedPick::isBad);
        ScenarioState state = generator.state();
        assertThat(state.picksCreated()).isEqualTo(20);
        assertThat(state.picksWithUnknownSku()).isEqualTo(1);
        assertThat(state.picksAtUnmappedLocation()).isEqualTo(1);
        assertThat(state.catalogueInBlueCherry()).isTrue();
    }

    @Test
    void createOrdersRejectsInvalidArgumentsBeforeCallingAnything() {
        ScenarioGenerator generator = scenario(new ScenarioProperties());
        assertThatThrownBy(() -> generator.createOrders(3, 2.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("badShare");
        assertThat(blueCherry.styleCalls()).isEmpty();
    }

    @Test
    void orderTickReleasesPicksAndSummarisesThem() {
        ScenarioProperties properties = new ScenarioProperties();
        properties.setBadOrderShare(1.0);
        ScenarioGenerator generator = scenario(properties);
        String summary = generator.runOrderTick();
        assertThat(blueCherry.picks()).hasSize(3);
        assertThat(summary).isEqualTo("scenario: 3 picks released in Blue Cherry (2 with unknown SKU, 1 at unmapped location MIA)");
        assertThat(generator.state().lastOrderTick()).isEqualTo(summary);
    }

    @Test
    void aFailedOrderTickIsLoggedAndTheNextOneWorks() {
        ScenarioGenerator generator = scenario(new ScenarioProperties());
        blueCherry.failNext(1);
        String failed = generator.runOrderTick();
        assertThat(failed).startsWith("scenario: order tick failed: POST http://fake/sim/bluecherry/_control/locations answered 503");
        assertThat(generator.state().failedCalls()).isEqualTo(1);
        assertThat(generator.state().lastError()).contains("answered 503");

        String next = generator.runOrderTick();
        assertThat(next).startsWith("scenario: 3 picks released");
        assertThat(blueCherry.picks()).hasSize(3);
    }

    @Test
    void warehouseMovesEveryOrderStepByStepToDespatched() {
        ScenarioProperties properties = new ScenarioProperties();
        properties.setReturnProbability(0.0);
        ScenarioGenerator generator = scenario(properties);
        List<GeneratedPick> picks = generator.createOrders(12, 0.0);
        peoplevox.importPicks(picks);

        for (int tick = 0; tick < 60 && !allDespatched(); tick++) {
            generator.runWarehouseTick();   // the fake throws on a skipped step, which the tick would count as failed
        }
        assertThat(peoplevox.statuses()).hasSize(12).allSatisfy((number, status) -> assertThat(status).isEqualTo("Despatched"));
        assertThat(peoplevox.advancedOrders()).hasSize(12 * 4);
        assertThat(generator.state().failedCalls()).isZero();
        assertThat(generator.state().ordersDespatched()).isEqualTo(12);

        for (Advance despatch : peoplevox.despatches()) {
            assertThat(despatch.packages()).hasSizeBetween(1, 2);
            assertThat(despatch.carrier()).isEqualTo(Carriers.carrierFor(despatch.serviceType()));
            assertThat(despatch.packages()).extracting(DespatchPackage::trackingNumber).allMatch(t -> !t.isBlank());
        }
    }

    @Test
    void eachOrderAdvancesAtMostOneStepPerTick() {
        ScenarioProperties properties = new ScenarioProperties();
        properties.setAdvanceProbability(1.0);
        properties.setStockMovementsPerTick(0);
        properties.setReturnProbability(0.0);
        ScenarioGenerator generator = scenario(properties);
        List<GeneratedPick> picks = generator.createOrders(5, 0.0);
        peoplevox.importPicks(picks);
        fillShelves(picks);
        String summary = generator.runWarehouseTick();
        assertThat(peoplevox.statuses().values()).containsOnly("Allocated");
        assertThat(summary).isEqualTo("scenario: 5 orders advanced (0 despatched), 0 stock movements, "
                + "0 returns authorised in Blue Cherry, 0 returns received in Peoplevox");
        generator.runWarehouseTick();
        assertThat(peoplevox.statuses().values()).containsOnly("Picking");
    }

    @Test
    void anOrderShortOfStockGetsGoodsInFirstAndIsAllocatedNextTick() {
        ScenarioProperties properties = new ScenarioProperties();
        properties.setAdvanceProbability(1.0);
        properties.setStockMovementsPerTick(0);
        properties.setReturnProbability(0.0);
        ScenarioGenerator generator = scenario(properties);
        List<GeneratedPick> picks = generator.createOrders(1, 0.0);
        peoplevox.importPicks(picks);
        String site = picks.get(0).location().equals("LDN") ? "LondonSite" : "PrimarySite";
        String itemCode = picks.get(0).lines().get(0).upc();
        int[] level = peoplevox.level(itemCode, site);
        level[0] = level[1];   // nothing available

        String summary = generator.runWarehouseTick();
        assertThat(summary).startsWith("scenario: 0 orders advanced (0 despatched), 1 stock movement,");
        assertThat(peoplevox.stockMovements()).singleElement()
                .satisfies(m -> assertThat(m.itemCode()).isEqualTo(itemCode))
                .satisfies(m -> assertThat(m.delta()).isPositive());
        assertThat(peoplevox.statuses().values()).containsOnly("New");

        generator.runWarehouseTick();
        assertThat(peoplevox.statuses().values()).containsOnly("Allocated");
        assertThat(generator.state().failedCalls()).isZero();
    }

    @Test
    void stockMovesEveryTick() {
        ScenarioProperties properties = new ScenarioProperties();
        properties.setStockMovementsPerTick(4);
        properties.setSites(List.of("LondonSite"));
        ScenarioGenerator generator = scenario(properties);
        generator.runWarehouseTick();
        generator.runWarehouseTick();
        assertThat(peoplevox.stockMovements()).hasSize(8).allMatch(m -> m.site().equals("LondonSite")
                && generator.catalogue().containsUpc(m.itemCode()) && m.delta() != 0);
        assertThat(generator.state().stockMovements()).isEqualTo(8);
    }

    @Test
    void despatchedOrdersComeBackAsReturnAuthorisationsAndLaterAsReceipts() {
        ScenarioProperties properties = new ScenarioProperties();
        properties.setAdvanceProbability(1.0);
        properties.setReturnProbability(1.0);
        properties.setReturnReceiptDelayTicks(2);
        ScenarioGenerator generator = scenario(properties);
        properties.setStockMovementsPerTick(0);
        List<GeneratedPick> picks = generator.createOrders(3, 0.0);
        peoplevox.importPicks(picks);
        fillShelves(picks);
        for (int tick = 0; tick < 4; tick++) {
            generator.runWarehouseTick();   // four steps: all orders despatched, no return possible yet
        }
        assertThat(blueCherry.returnAuthorisations()).isEmpty();

        generator.runWarehouseTick();       // tick 5: first RA, which the returns flow announces to Peoplevox
        assertThat(blueCherry.returnAuthorisations()).hasSize(1);
        ReturnAuthorisation ra = blueCherry.returnAuthorisations().get(0);
        ra.rows().forEach(row -> peoplevox.expectReturn(ra.raNum(), ra.pickNum(), row.upc(), row.raQty()));
        assertThat(ra.raNum()).isEqualTo("RA500001");
        GeneratedPick pick = picks.stream().filter(p -> p.pickNum().equals(ra.pickNum())).findFirst().orElseThrow();
        assertThat(ra.ordNum()).isEqualTo(pick.ordNum());
        assertThat(ra.raDate()).isEqualTo("2026-11-26");
        assertThat(peoplevox.receipts()).isEmpty();

        generator.runWarehouseTick();       // tick 6: second RA
        generator.runWarehouseTick();       // tick 7: the first one is due
        assertThat(peoplevox.receipts()).isNotEmpty().allMatch(r -> r.rmaNumber().equals("RA500001")
                && r.salesOrderNumber().equals(pick.pickNum()));
        assertThat(peoplevox.receipts()).hasSize(ra.rows().size());

        generator.runWarehouseTick();       // tick 8: third RA, second receipt (not announced: no RMA number)
        generator.runWarehouseTick();
        assertThat(peoplevox.receipts()).filteredOn(r -> !r.salesOrderNumber().equals(pick.pickNum()))
                .isNotEmpty().allMatch(r -> r.rmaNumber() == null);
        // every order returned once only
        assertThat(blueCherry.returnAuthorisations()).extracting(ReturnAuthorisation::pickNum)
                .containsExactlyInAnyOrderElementsOf(picks.stream().map(GeneratedPick::pickNum).toList());
        ScenarioState state = generator.state();
        assertThat(state.returnsAuthorised()).isEqualTo(3);
        assertThat(state.returnsReceived()).isEqualTo(3);
        assertThat(state.returnsAwaitingReceipt()).isZero();
    }

    @Test
    void salesOrderNumbersWithASuffixStillFindTheirPick() {
        ScenarioProperties properties = new ScenarioProperties();
        properties.setReturnProbability(1.0);
        ScenarioGenerator generator = scenario(properties);
        GeneratedPick pick = generator.createOrders(1, 0.0).get(0);
        PeoplevoxControl despatchedWithRevision = new FakePeoplevoxControl() {
            @Override
            public synchronized State state() {
                List<SalesOrderLine> lines = pick.lines().stream()
                        .map(l -> new SalesOrderLine("1", l.upc(), l.bkQty(), l.bkQty())).toList();
                return new State(List.of(new SalesOrder(pick.pickNum() + "-2", "Despatched", "PrimarySite", Map.of(), lines)));
            }
        };
        ScenarioGenerator other = new ScenarioGenerator(properties, despatchedWithRevision, blueCherry, CLOCK);
        other.createOrders(1, 0.0);   // same seed: the same pick, now remembered by this generator
        other.runWarehouseTick();
        assertThat(blueCherry.returnAuthorisations()).extracting(ReturnAuthorisation::pickNum).containsExactly(pick.pickNum());
    }

    @Test
    void aFailedStateReadSkipsTheTickAndAFailedAdvanceOnlyThatOrder() {
        ScenarioProperties properties = new ScenarioProperties();
        properties.setAdvanceProbability(1.0);
        properties.setReturnProbability(0.0);
        ScenarioGenerator generator = scenario(properties);
        List<GeneratedPick> picks = generator.createOrders(3, 0.0);
        peoplevox.importPicks(picks);
        fillShelves(picks);

        peoplevox.failStateNext(1);
        assertThat(generator.runWarehouseTick()).isEqualTo(
                "scenario: warehouse tick failed: GET http://fake/sim/peoplevox/_control/state failed: Connection refused");
        assertThat(peoplevox.advancedOrders()).isEmpty();

        peoplevox.failAdvanceOf(picks.get(0).pickNum());
        String summary = generator.runWarehouseTick();
        assertThat(summary).contains("2 orders advanced").contains("1 call failed, first: POST http://fake/");
        assertThat(peoplevox.statuses()).containsEntry(picks.get(0).pickNum(), "New")
                .containsEntry(picks.get(1).pickNum(), "Allocated");
        assertThat(generator.state().failedCalls()).isEqualTo(2);
    }

    @Test
    void sameSeedReplaysTheSameRun() {
        ScenarioProperties properties = new ScenarioProperties();
        properties.setSeed(99);
        FakeBlueCherryControl otherBlueCherry = new FakeBlueCherryControl();
        FakePeoplevoxControl otherPeoplevox = new FakePeoplevoxControl();
        ScenarioGenerator first = scenario(properties);
        ScenarioGenerator second = new ScenarioGenerator(properties, otherPeoplevox, otherBlueCherry, CLOCK);
        for (ScenarioGenerator generator : List.of(first, second)) {
            FakePeoplevoxControl pvx = generator == first ? peoplevox : otherPeoplevox;
            for (int tick = 0; tick < 10; tick++) {
                generator.runOrderTick();
                pvx.importPicks((generator == first ? blueCherry : otherBlueCherry).picks());
                generator.runWarehouseTick();
            }
        }
        assertThat(otherBlueCherry.picks()).isEqualTo(blueCherry.picks());
        assertThat(otherPeoplevox.despatches()).isEqualTo(peoplevox.despatches());
        assertThat(otherPeoplevox.stockMovements()).isEqualTo(peoplevox.stockMovements());
        assertThat(otherBlueCherry.returnAuthorisations()).isEqualTo(blueCherry.returnAuthorisations());
    }

    @Test
    void startTicksOnItsOwnUntilStopped() {
        ScenarioProperties properties = new ScenarioProperties();
        properties.setOrderInterval(Duration.ofMillis(20));
        properties.setWarehouseInterval(Duration.ofMillis(20));
        properties.setStartDelay(Duration.ZERO);
        ScenarioGenerator generator = scenario(properties);
        generator.start();
        generator.start();   // a second start is a no-op
        assertThat(generator.isRunning()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> blueCherry.picks().size() >= 9
                && generator.state().warehouseTicks() >= 3);

        generator.stop();
        assertThat(generator.isRunning()).isFalse();
        int picksAtStop = blueCherry.picks().size();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                .until(() -> blueCherry.picks().size() == picksAtStop);
        Set<String> numbers = blueCherry.picks().stream().map(GeneratedPick::pickNum).collect(Collectors.toSet());
        assertThat(numbers).hasSize(picksAtStop);
    }

    @Test
    void autoStartFollowsTheProperty() {
        ScenarioProperties properties = new ScenarioProperties();
        properties.setAutoStart(false);
        ScenarioGenerator generator = scenario(properties);
        generator.onApplicationReady();
        assertThat(generator.isRunning()).isFalse();
        properties.setAutoStart(true);
        properties.setStartDelay(Duration.ofMinutes(1));
        generator.onApplicationReady();
        assertThat(generator.isRunning()).isTrue();
    }

    /** Enough stock for the picks, so allocation never waits for goods in. */
    private void fillShelves(List<GeneratedPick> picks) {
        for (GeneratedPick pick : picks) {
            String site = pick.location().equals("LDN") ? "LondonSite" : "PrimarySite";
            pick.lines().forEach(line -> peoplevox.level(line.upc(), site)[0] += 10);
        }
    }

    private boolean allDespatched() {
        return !peoplevox.statuses().isEmpty() && peoplevox.statuses().values().stream().allMatch("Despatched"::equals);
    }
}
