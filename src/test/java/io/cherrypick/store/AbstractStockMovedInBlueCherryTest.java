package io.cherrypick.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A document Cherrypick posts to Blue Cherry moves Blue Cherry's own stock (a shipment takes units off, a receipt puts
 * them on), so the level Blue Cherry was told last no longer holds: the next overlay sends it again, although Peoplevox's
 * level did not change, and only an overlay that read the levels after the movement settles it (each database).
 */
abstract class AbstractStockMovedInBlueCherryTest {
    @Autowired StockLevels levels;
    @Autowired JdbcTemplate jdbc;

    private static final SkuSite SHIPPED = new SkuSite("MOVED-A", "PrimarySite");
    private static final SkuSite OTHER_SITE = new SkuSite("MOVED-A", "SecondSite");
    private static final SkuSite OTHER_ITEM = new SkuSite("MOVED-B", "PrimarySite");

    @BeforeEach
    void levelsToldToBlueCherry() {
        jdbc.update("delete from stock_level where item_code like 'MOVED-%'");
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        levels.observe(List.of(observation(SHIPPED, 10, at), observation(OTHER_SITE, 4, at), observation(OTHER_ITEM, 7, at)));
        levels.markSentToBlueCherry(Map.of(SHIPPED, 10, OTHER_SITE, 4, OTHER_ITEM, 7), Instant.now());
        assertThat(untold()).as("all told").isEmpty();
    }

    @Test
    void aLevelMovedInBlueCherryGoesAgainUntilAnOverlayReadAfterTheMovementTellsIt() {
        Instant readBeforeTheMove = Instant.now().minusSeconds(1);
        assertThat(levels.movedInBlueCherry("PrimarySite", List.of("MOVED-A", "MOVED-UNKNOWN"))).as("levels marked").isEqualTo(1);
        assertThat(untold()).as("only that item at that site").containsExactly(SHIPPED);

        levels.markSentToBlueCherry(Map.of(SHIPPED, 10), readBeforeTheMove);
        assertThat(untold()).as("an overlay that read the level before the shipment landed").containsExactly(SHIPPED);

        levels.markSentToBlueCherry(Map.of(SHIPPED, 10), Instant.now().plusSeconds(1));
        assertThat(untold()).as("an overlay read after it").isEmpty();
    }

    @Test
    void withoutASiteTheItemGoesAgainAtEverySite() {
        assertThat(levels.movedInBlueCherry(null, List.of("MOVED-A"))).isEqualTo(2);
        assertThat(untold()).containsExactly(SHIPPED, OTHER_SITE);
        assertThat(levels.movedInBlueCherry("PrimarySite", List.of())).isZero();
    }

    @Test
    void aBatchOfDocumentsMarksItsLevelsInOnePassWithAndWithoutASite() {
        // a shipment at a known site, and one whose report named no site (the item at every site)
        assertThat(levels.movedInBlueCherry(List.of(new SkuSite("MOVED-B", "PrimarySite"), new SkuSite("MOVED-A", ""),
                new SkuSite("MOVED-B", "PrimarySite")))).isEqualTo(3);
        assertThat(untold()).containsExactly(SHIPPED, OTHER_SITE, OTHER_ITEM);
        assertThat(levels.movedInBlueCherry(List.of())).isZero();
    }

    @Test
    void anOverlayThatBrokeOffGoesAgainUntilItCanNoLongerLandLate() {
        Instant lateUntil = Instant.now().plusSeconds(300);
        levels.overlayMayLandLate(List.of(SHIPPED, OTHER_ITEM), lateUntil);
        assertThat(untold()).containsExactly(SHIPPED, OTHER_ITEM);

        levels.markSentToBlueCherry(Map.of(SHIPPED, 10, OTHER_ITEM, 7), Instant.now());
        assertThat(untold()).as("told again while the broken-off POST may still land").containsExactly(SHIPPED, OTHER_ITEM);

        levels.markSentToBlueCherry(Map.of(SHIPPED, 10, OTHER_ITEM, 7), lateUntil.plusSeconds(1));
        assertThat(untold()).as("told by an overlay read after it could land").isEmpty();
    }

    @Test
    void aMovementAfterABrokenOffOverlayDoesNotShortenItsWindow() {
        Instant lateUntil = Instant.now().plusSeconds(300);
        levels.overlayMayLandLate(List.of(SHIPPED), lateUntil);
        levels.movedInBlueCherry("PrimarySite", List.of("MOVED-A"));

        levels.markSentToBlueCherry(Map.of(SHIPPED, 10), Instant.now().plusSeconds(1));
        assertThat(untold()).as("read after the shipment, not after the broken-off POST could land").containsExactly(SHIPPED);
    }

    private List<SkuSite> untold() {
        return levels.changedForBlueCherry().stream().map(StockLevel::key)
                .filter(k -> k.itemCode().startsWith("MOVED-")).toList();
    }

    private static StockObservation observation(SkuSite key, int onHand, Instant at) {
        return new StockObservation(key.itemCode(), key.site(), onHand, onHand, 0, at, 0, StockObservation.REFRESH);
    }
}
