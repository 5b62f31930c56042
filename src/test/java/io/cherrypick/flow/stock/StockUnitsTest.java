package io.cherrypick.flow.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cherrypick.flow.stock.ChannelRules.Rules;
import io.cherrypick.peoplevox.model.InventoryReport;
import io.cherrypick.store.SiteLocations;
import io.cherrypick.store.SkuSite;
import io.cherrypick.store.StockObservation;

/** The stock flow's rules without a database: buffers, peak mode, observation order, site to location. */
class StockUnitsTest {
    private static final Rules NORMAL = new Rules(Map.of("PrimarySite:A", "5", "*:B", "3", "PrimarySite", "2", "*", "1"), 0,
            false, List.of(0, 5), 0.25);
    private static final Rules PEAK = new Rules(Map.of(), 0, true, List.of(0, 5), 0.25);

    @Test
    void theMostSpecificBufferWinsAndAvailableToSellNeverGoesBelowZero() {
        assertThat(NORMAL.buffer("A", "PrimarySite")).isEqualTo(5);
        assertThat(NORMAL.buffer("B", "PrimarySite")).as("*:sku before site").isEqualTo(3);
        assertThat(NORMAL.buffer("C", "PrimarySite")).isEqualTo(2);
        assertThat(NORMAL.buffer("C", "LondonSite")).isEqualTo(1);
        assertThat(new Rules(Map.of(), 4, false, List.of(0), 0.25).buffer("C", "LondonSite")).as("configured default")
                .isEqualTo(4);
        assertThat(NORMAL.availableToSell("A", "PrimarySite", 12)).isEqualTo(7);
        assertThat(NORMAL.availableToSell("A", "PrimarySite", 3)).isZero();
        assertThat(new Rules(Map.of("*", "lots"), 2, false, List.of(0), 0.25).buffer("A", "X")).as("unreadable: default")
                .isEqualTo(2);
    }

    @Test
    void normalModePushesEveryRealChangeOnly() {
        assertThat(NORMAL.worthPushing(null, 0)).as("never told").isTrue();
        assertThat(NORMAL.worthPushing(10, 10)).isFalse();
        assertThat(NORMAL.worthPushing(10, 9)).isTrue();
    }

    @Test
    void peakModePushesThresholdCrossingsAndLargeMoves() {
        assertThat(PEAK.worthPushing(40, 38)).as("5 %").isFalse();
        assertThat(PEAK.worthPushing(40, 30)).as("25 %").isTrue();
        assertThat(PEAK.worthPushing(6, 5)).as("crosses 5").isTrue();
        assertThat(PEAK.worthPushing(1, 0)).as("sold out").isTrue();
        assertThat(PEAK.worthPushing(0, 1)).as("back in stock").isTrue();
        assertThat(PEAK.worthPushing(100, 90)).isFalse();
        assertThat(PEAK.worthPushing(null, 90)).isTrue();
        assertThat(PEAK.worthPushing(7, 7)).isFalse();
    }

    @Test
    void aNewerObservationIsLaterInTimeOrReceivedLaterInTheSameInstant() {
        Instant t = Instant.parse("2026-11-26T10:00:00Z");
        StockObservation o = new StockObservation("A", "S", 1, null, null, t, 5, StockObservation.EVENT);
        assertThat(o.newerThan(t.minusSeconds(1), 99)).isTrue();
        assertThat(o.newerThan(t, 4)).isTrue();
        assertThat(o.newerThan(t, 5)).isFalse();
        assertThat(o.newerThan(t, 6)).isFalse();
        assertThat(o.newerThan(t.plusMillis(1), 0)).isFalse();
    }

    @Test
    void aReportReadIsStampedWithItsSecondSoEventsOfThatSecondWin() {
        Instant started = Instant.parse("2026-11-26T10:00:07.640Z");
        Instant stamp = InventoryReport.stamp(started);
        assertThat(stamp).isEqualTo(Instant.parse("2026-11-26T10:00:07Z"));
        StockObservation read = new StockObservation("A", "S", 1, 1, 0, stamp, 0, StockObservation.RECONCILIATION);
        assertThat(read.newerThan(Instant.parse("2026-11-26T10:00:06Z"), 900)).as("an event of an earlier second").isTrue();
        assertThat(read.newerThan(stamp, 900)).as("an event of the same second").isFalse();
    }

    @Test
    void twoObservationsOfOneSecondThatDisagreeAreUndecidedUntilAnObservationOfTheNextSecond() {
        Instant t = Instant.parse("2026-11-26T10:00:07Z");
        StockObservation o = new StockObservation("A", "S", 5, 7, 2, t, 40, StockObservation.EVENT);
        assertThat(o.undecidedAgainst(t, 11, 13, 2)).as("another level in the same second").isTrue();
        assertThat(o.undecidedAgainst(t, 5, 7, 2)).as("the same level").isFalse();
        assertThat(o.undecidedAgainst(t, 5, null, null)).as("what one side lacks is not a difference").isFalse();
        assertThat(o.undecidedAgainst(t, 5, 8, 3)).as("on hand moved, available did not").isTrue();
        assertThat(o.undecidedAgainst(t.minusSeconds(1), 11, 13, 2)).as("an earlier second is simply older").isFalse();
        assertThat(o.nextSecond()).isEqualTo(Instant.parse("2026-11-26T10:00:08Z"));
        assertThat(new StockObservation("A", "S", 5, 7, 2, t.plusMillis(640), 0, StockObservation.EVENT).nextSecond())
                .as("an arrival time (no LastModificationTime)").isEqualTo(Instant.parse("2026-11-26T10:00:08Z"));
    }

    @Test
    void aSiteHasALocationOnlyWhenExactlyOneLocationMapsToIt() {
        SiteLocations locations = new SiteLocations(Map.of("NJ", "PrimarySite", "LDN", "LondonSite", "MIA", "LondonSite"));
        assertThat(locations.locationOf("PrimarySite")).contains("NJ");
        assertThat(locations.locationOf("LondonSite")).isEmpty();
        assertThat(locations.whyNoLocation("LondonSite")).contains("[LDN, MIA]");
        assertThat(locations.locationOf("SystemSite")).isEmpty();
        assertThat(locations.whyNoLocation("SystemSite")).contains("no Blue Cherry location maps to Peoplevox site 'SystemSite'");
    }

    @Test
    void quantitiesAreWholeNumbersOfUnits() {
        assertThat(StockEvents.quantity(Map.of("Available", "12.0"), "Available")).isEqualTo(12);
        assertThat(StockEvents.quantity(Map.of("Available", " 7 "), "Available")).isEqualTo(7);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StockEvents.quantity(Map.of("Available", "1.5"), "Available"))
                .hasMessageContaining("Available = '1.5'");
    }

    @Test
    void aPushIsKeyedBySkuAndSite() {
        SkuSite key = new SkuSite("012345678905", "PrimarySite");
        assertThat(key.key()).isEqualTo("012345678905|PrimarySite");
        assertThat(SkuSite.ofKey(key.key())).isEqualTo(key);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SkuSite.ofKey("no-bar"))
                .hasMessageContaining("'no-bar' is not a SKU|site key");
    }

    @Test
    void aFailedChannelCallIsClassifiedAndAlwaysRetried() {
        assertThat(category(503)).isEqualTo(io.cherrypick.failure.Category.API_ERROR);
        assertThat(category(429)).isEqualTo(io.cherrypick.failure.Category.RATE_LIMITED);
        assertThat(category(401)).isEqualTo(io.cherrypick.failure.Category.AUTH);
        assertThat(category(422)).as("the channel refused the data").isEqualTo(io.cherrypick.failure.Category.REJECTED);
        io.cherrypick.failure.ApiException timeout = StockChannelPushes.classify("web", 2,
                new RuntimeException("wrapped", new java.net.SocketTimeoutException("Read timed out")));
        assertThat(timeout.category()).isEqualTo(io.cherrypick.failure.Category.API_TIMEOUT);
        io.cherrypick.failure.ApiException refused = StockChannelPushes.classify("web", 2, new java.net.ConnectException(
                "Connection refused"));
        assertThat(refused.getMessage()).isEqualTo("channel web could not be reached: ConnectException: Connection refused");
        assertThat(List.of(timeout, refused)).allMatch(io.cherrypick.failure.ApiException::isTransient);
        io.cherrypick.failure.ApiException http = StockChannelPushes.classify("web", 2, failure(503));
        assertThat(http.getMessage()).isEqualTo("channel web answered HTTP 503 to 2 stock level(s): {\"error\": \"down\"}");
    }

    @Test
    void reportRowsWithoutAnItemOrWithAnUnreadableQuantityAreLeftOut() {
        List<InventoryReport.Row> rows = InventoryReport.rows(List.of(
                Map.of("Item code", "A", "Site reference", "", "Available", "3", "On hand", "5.0"),
                Map.of("Item code", "", "Available", "1"),
                Map.of("Item code", "B", "Site reference", "S2", "Available", "1.5")), "PrimarySite");
        assertThat(rows).containsExactly(new InventoryReport.Row("A", "PrimarySite", 3, 5, null));
    }

    @Test
    void aReportReadSaysWhichRowAndFieldItCouldNotReadAndAMissingColumnOnce() {
        InventoryReport.Read read = InventoryReport.read(List.of(
                Map.of("Item code", "A", "Site reference", "S1", "Available", "1,234"),
                Map.of("Item code", "B", "Site reference", "S".repeat(61), "Available", "2"),
                Map.of("Item code", "C", "Site reference", "", "Available", "3")), "PrimarySite");
        assertThat(read.complete()).isFalse();
        assertThat(read.rows()).containsExactly(new InventoryReport.Row("C", "PrimarySite", 3, null, null));
        assertThat(read.problems()).containsExactly(
                "row 1 (item A at S1): Available '1,234' is not a whole number of units",
                "row 2 (item B at " + "S".repeat(61) + "): Site reference is 61 characters long, at most 60 fit");

        InventoryReport.Read renamed = InventoryReport.read(List.of(Map.of("Item code", "A", "Site", "S1",
                "Available", "3")), "PrimarySite");
        assertThat(renamed.rows()).isEmpty();
        assertThat(renamed.problems()).singleElement().asString().startsWith("the report has no column Site reference");
    }

    private static io.cherrypick.failure.Category category(int status) {
        return StockChannelPushes.classify("web", 1, failure(status)).category();
    }

    private static org.apache.camel.http.base.HttpOperationFailedException failure(int status) {
        return new org.apache.camel.http.base.HttpOperationFailedException("http://channel", status, "status " + status,
                null, Map.of(), "{\"error\":   \"down\"}");
    }
}
