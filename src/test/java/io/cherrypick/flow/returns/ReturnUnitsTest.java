package io.cherrypick.flow.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.bluecherry.model.AuthorisationReader;
import io.cherrypick.bluecherry.model.AuthorisedLine;
import io.cherrypick.catalog.ItemCodes;
import io.cherrypick.catalog.ItemProperties;
import io.cherrypick.mapping.Mappings;
import io.cherrypick.mapping.TypedSource;
import io.cherrypick.peoplevox.model.PvxReturn;
import io.cherrypick.store.Authorisation;
import io.cherrypick.store.ReturnState;
import io.cherrypick.store.ReturnStore.LineKey;

/**
 * Matching a received return to RA lines and the expected-return rows (routes/mappings/expected-return.yaml); SaveData
 * calls of at most 100 rows are RowWriterCallsTest's.
 */
class ReturnUnitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Authorisation ra(String raNum, String pick) {
        return new Authorisation(raNum, "O" + pick, pick, "WEB01", "NJ", "WS", null, "OPEN", "r1", "fp",
                ReturnState.EXPECTED_IN_PEOPLEVOX, false, null, Instant.now(), null, null, null, Instant.now());
    }

    private static AuthorisedLine line(String raNum, int seq, String item, int qty) {
        return new AuthorisedLine(raNum, seq, "01234", "BLK", "", "", "M", item, item, qty);
    }

    private static PvxReturn received(String rma, String order, String item, int qty) {
        return new PvxReturn("RET000001", item, qty, order, rma, "Too small", "Good", "PrimarySite", "", "event");
    }

    @Test
    void aReturnNamingItsRaIsCreditedToTheRaLinesInOrder() {
        Authorisation ra = ra("RA1", "P1");
        ReturnMatcher.Match m = ReturnMatcher.match(new ReturnMatcher.Facts(received("RA1", "P1", "A", 3), Optional.of(ra),
                List.of(ra), true, List.of(line("RA1", 1, "A", 2), line("RA1", 2, "B", 5), line("RA1", 3, "A", 4)),
                Map.of(new LineKey("RA1", 1), 1)));
        assertThat(m.ok()).isTrue();
        assertThat(m.credits()).containsExactly(Map.entry(new LineKey("RA1", 1), 1), Map.entry(new LineKey("RA1", 3), 2));
    }

    @Test
    void aReturnWithoutRmaIsMatchedToAnRaOfItsSalesOrder() {
        Authorisation ra = ra("RA2", "P2");
        ReturnMatcher.Match m = ReturnMatcher.match(new ReturnMatcher.Facts(received("", "P2", "A", 1), Optional.empty(),
                List.of(ra), true, List.of(line("RA2", 1, "A", 1)), Map.of()));
        assertThat(m.credits()).containsExactly(Map.entry(new LineKey("RA2", 1), 1));
        assertThat(m.raNums()).containsExactly("RA2");
    }

    @Test
    void mismatchesNameTheReturnAndTheField() {
        ReturnMatcher.Match noSalesOrder = ReturnMatcher.match(new ReturnMatcher.Facts(received("", "NOPE", "A", 1),
                Optional.empty(), List.of(), false, List.of(), Map.of()));
        assertThat(noSalesOrder.problem()).contains("Return RET000001 item A").contains("no matching sales order")
                .contains("SalesOrderNumber 'NOPE'");

        ReturnMatcher.Match noRa = ReturnMatcher.match(new ReturnMatcher.Facts(received("", "P3", "A", 1),
                Optional.empty(), List.of(), true, List.of(), Map.of()));
        assertThat(noRa.problem()).contains("no authorisation").contains("sales order P3").contains("no RmaNumber");

        Authorisation ra = ra("RA4", "P4");
        ReturnMatcher.Match otherItem = ReturnMatcher.match(new ReturnMatcher.Facts(received("RA4", "P4", "B", 1),
                Optional.of(ra), List.of(ra), true, List.of(line("RA4", 1, "A", 1)), Map.of()));
        assertThat(otherItem.problem()).contains("no authorisation").contains("RA RA4").contains("item B");

        ReturnMatcher.Match wrongOrder = ReturnMatcher.match(new ReturnMatcher.Facts(received("RA4", "P9", "A", 1),
                Optional.of(ra), List.of(), true, List.of(line("RA4", 1, "A", 1)), Map.of()));
        assertThat(wrongOrder.problem()).contains("RA RA4 authorises returns of pick P4").contains("SalesOrderNumber P9");
    }

    @Test
    void moreUnitsThanAuthorisedIsAnOverReturnAndNothingIsCredited() {
        Authorisation ra = ra("RA5", "P5");
        ReturnMatcher.Match m = ReturnMatcher.match(new ReturnMatcher.Facts(received("RA5", "P5", "A", 2), Optional.of(ra),
                List.of(ra), true, List.of(line("RA5", 1, "A", 2)), Map.of(new LineKey("RA5", 1), 1)));
        assertThat(m.ok()).isFalse();
        assertThat(m.credits()).isEmpty();
        assertThat(m.problem()).contains("more units than authorised").contains("authorise(s) 2")
                .contains("1 already received").contains("only 1 remain open").contains("2 were booked in");
    }

    @Test
    void linesOfOneItemBecomeOneExpectedReturnRowWithTheConfiguredFields() throws Exception {
        Files.writeString(dir.resolve("expected-return.yaml"), """
                source: return-authorisation
                parts:
                  returns:
                    each: items
                    fields:
                      RMANumber: ra_num
                      OrderNo: pick_num
                      ItemCode: item_code
                      Qty: quantity
                """);
        JsonNode ra = JSON.readTree("{\"ra_num\":\"RA7\",\"ord_num\":\"O7\",\"pick_num\":\"P7\",\"location\":\"NJ\"}");
        List<Map<String, String>> rows = mappings(dir).map("expected-return", new ExpectedReturn(ra, List.of(
                line("RA7", 1, "A", 1), line("RA7", 2, "B", 1), line("RA7", 3, "A", 2)), "P7", "PrimarySite"), Map.of())
                .rows("returns");
        assertThat(rows).containsExactly(Map.of("RMANumber", "RA7", "OrderNo", "P7", "ItemCode", "A", "Qty", "3"),
                Map.of("RMANumber", "RA7", "OrderNo", "P7", "ItemCode", "B", "Qty", "1"));
    }

    @Test
    void theDefaultMappingIsTheAssumedReturnsTemplateAndABadMappingNamesTheField() throws Exception {
        JsonNode ra = JSON.readTree("{\"ra_num\":\"RA8\",\"ord_num\":\"O8\",\"pick_num\":\"P8\",\"reason_code\":\"WS\"}");
        ExpectedReturn expected = new ExpectedReturn(ra, List.of(line("RA8", 1, "A", 1)), "P8", "PrimarySite");
        Map<String, String> row = mappings(Path.of("routes", "mappings")).map("expected-return", expected, Map.of())
                .row("returns");
        assertThat(row.keySet()).containsExactly("RmaNumber", "SalesOrderNumber", "ItemCode", "Quantity", "ReturnReason",
                "Comments", "Site");
        assertThat(row.get("Site")).isEqualTo("PrimarySite");
        assertThat(row.get("Comments")).contains("RA8").contains("O8");

        Files.writeString(dir.resolve("expected-return.yaml"), """
                source: return-authorisation
                parts:
                  returns:
                    each: items
                    fields:
                      RmaNumber: ra_num
                      ItemCode: sku
                """);
        assertThatThrownBy(() -> mappings(dir).map("expected-return", expected, Map.of()))
                .hasMessageContaining("'sku'").hasMessageContaining("item_code");
    }

    private static Mappings mappings(Path dir) {
        return new Mappings(dir, new MockEnvironment(), List.of(new TypedSource("return-authorisation", ExpectedReturn.class)),
                (kind, value) -> null);
    }

    @Test
    void aReturnEventIsReadOrRefusedWithTheField() {
        Map<String, String> fields = new HashMap<>(PvxReturn.eventFields("RET1", "P1", "A", "2", "Too small", "Good",
                "PrimarySite", ""));
        PvxReturn r = PvxReturn.fromEvent(fields, "event", "2026-01-02T03:04:05Z");
        assertThat(r.key()).as("return code, item, running total of units").isEqualTo("RET1|A|2");
        PvxReturn later = new PvxReturn("RET1", "A", 5, "P1", "", "", "", "", "", "report").beyond(2);
        assertThat(later.quantity()).as("a later booking: only the units not stored yet").isEqualTo(3);
        assertThat(later.key()).isEqualTo("RET1|A|5");
        assertThat(r.quantity()).isEqualTo(2);
        assertThat(r.returnDate()).isEqualTo("2026-01-02T03:04:05Z");
        fields.put("Quantity", "two");
        assertThatThrownBy(() -> PvxReturn.fromEvent(fields, "event", "")).hasMessageContaining("return RET1 item A")
                .hasMessageContaining("field Quantity 'two'");
    }

    @Test
    void itemCodesOfRaLinesFollowTheOrderFlowsRule() throws Exception {
        AuthorisationReader reader = new AuthorisationReader(new ItemCodes(new ItemProperties(null, null)));
        JsonNode ra = JSON.readTree("{\"ra_num\":\"RA9\",\"radetail\":{\"rows\":[{\"line_seq\":4,\"style\":\"01234\","
                + "\"size_desc\":\"M\",\"upc\":\"012345678905\",\"ra_qty\":2}]}}");
        assertThat(reader.lines(ra)).containsExactly(new AuthorisedLine("RA9", 4, "01234", "", "", "", "M", "012345678905",
                "012345678905", 2));
        JsonNode sameContentNewLastMod = JSON.readTree(ra.toString().replace("}]}}", "}]},\"last_mod\":\"x\",\"status\":\"PARTIAL\"}"));
        assertThat(reader.fingerprint(sameContentNewLastMod)).isEqualTo(reader.fingerprint(ra));
    }
}
