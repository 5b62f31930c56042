package io.cherrypick.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.cherrypick.failure.Category;
import io.cherrypick.store.ExceptionRecord;

/** The guided fix links to the record, and to the mapping value or the item the message names. */
class FixGuideTest {
    final FixGuide guide = new FixGuide();

    static ExceptionRecord exception(String flow, String key, Category category, String message) {
        return new ExceptionRecord(7, flow, flow + "-route", key, category, category.defaultOwner(), message, "{}", null, null,
                1, Instant.now(), Instant.now(), ExceptionRecord.OPEN, null, null, null);
    }

    private static String links(FixGuide.Fix fix) {
        return fix.links().stream().map(l -> l.label() + " -> " + l.href()).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void aLocationWithoutASiteLinksToTheSiteMappingWithTheLocation() {
        FixGuide.Fix fix = guide.of(exception("sales-order", "P 1", Category.MISSING_WAREHOUSE,
                "Pick P 1: location 'MIA' has no Peoplevox site mapping (add it under mappings 'site')"));
        assertThat(fix.guide().plain()).isEqualTo("Location without a warehouse");
        assertThat(links(fix)).contains("Where is pick P 1? -> #/orders/P%201")
                .contains("Mapping site: add MIA -> #/mappings/site?source=MIA")
                .contains("Every open exception of this problem -> #/exceptions?status=OPEN&category=MISSING_WAREHOUSE");
    }

    @Test
    void aShipperACarrierAndAReturnReasonLinkToTheirMappings() {
        assertThat(links(guide.of(exception("sales-order", "P2", Category.VALIDATION, "Pick P2: shipper 'UPS' has no"
                + " Peoplevox service type mapping (add it under mappings 'shipper')"))))
                .contains("#/mappings/shipper?source=UPS");
        assertThat(links(guide.of(exception("despatch", "D1", Category.VALIDATION, "Despatch D1 of pick P3: Peoplevox"
                + " service 'Next day' (carrier 'DPD') has no carrier mapping to a Blue Cherry shipper and scac_code;"
                + " add it with PUT /api/mappings/carrier/{service} {\"target\":\"SHIPPER/SCAC\"} and replay"))))
                .contains("#/mappings/carrier?source=DPD").contains("Find D1 -> #/search?q=D1");
        assertThat(links(guide.of(exception("return-receipt", "R1|0123", Category.VALIDATION, "Return R1 item 0123: no"
                + " Blue Cherry reason_code: Peoplevox reason 'Too big' is not in mapping return-reason and RA RA1 has none"))))
                .contains("#/mappings/return-reason?source=Too%20big").contains("Find return R1 -> #/search?q=R1");
    }

    @Test
    void anUnknownItemLinksToTheItemsOwnExceptions() {
        assertThat(links(guide.of(exception("sales-order", "P4", Category.SKU_MISMATCH, "Pick P4 line 2: item 099999999993"
                + " (style 01234 BLK M) does not exist in Peoplevox"))))
                .contains("Item 099999999993: its exceptions in the item flow -> #/exceptions?flow=item&key=099999999993")
                .doesNotContain("#/mappings/");
    }

    @Test
    void aScheduledRunLinksToTheOverview() {
        assertThat(links(guide.of(exception("alerts", "schedule:ops-alerts", Category.INTERNAL, "Scheduled run failed"))))
                .contains("The flows (overview) -> #/");
    }
}
