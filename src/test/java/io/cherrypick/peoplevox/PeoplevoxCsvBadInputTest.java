package io.cherrypick.peoplevox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.support.FlowTestSupport;

/**
 * Bad CSV from Peoplevox, through the simulator over real HTTP (its data faults spoil one answer's Detail): a row with
 * the wrong number of cells and a byte-order mark are errors naming the call (and the row), never padded, cut or kept;
 * bytes that are not UTF-8 fail the call instead of being replaced. The next call, unspoilt, reads every row: nothing
 * is lost and the neighbours are unaffected. A reader that takes rows one by one gets the good rows and the bad row
 * by its number.
 */
class PeoplevoxCsvBadInputTest extends FlowTestSupport {
    private static final List<String> CODES = List.of("CSV-1", "CSV-2", "CSV-3", "CSV-4", "CSV-5");

    @Autowired PeoplevoxClient peoplevox;

    @Override
    protected void prepareWorld() {
        sims.seedPeoplevoxItemsWithStock(CODES);
    }

    /** A first call, so the next one (which the fault spoils) is not the one the reset simulator refuses for its session. */
    private void signedIn() {
        peoplevox.getData("Item types", "");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsFailsTheCallNamingItAndTheRow() {
        signedIn();
        sims.peoplevoxFault(Map.of("operation", "GetData", "type", "EXTRA_CELL", "count", 1));

        assertThatThrownBy(() -> peoplevox.getData("Item types", ""))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.category()).isEqualTo(Category.VALIDATION))
                .hasMessageContaining("GetData Item types").hasMessageMatching("(?s).*row \\d+ has \\d+ cell\\(s\\) where the header has \\d+.*")
                .hasMessageContaining("no row is padded or cut");

        assertThat(peoplevox.getData("Item types", "").rows()).extracting(r -> r.get("ItemCode")).containsAll(CODES);
    }

    @Test
    void aReaderOfSingleRowsGetsTheGoodRowsAndTheBadOneByItsNumber() {
        int all = peoplevox.getReport("Item inventory summary", "", null, null).rows().size();
        sims.peoplevoxFault(Map.of("operation", "GetReportData", "type", "EXTRA_CELL", "count", 1));

        CsvTable read = peoplevox.getReportRowByRow("Item inventory summary", "", null, null);

        assertThat(read.rows()).hasSize(all - 1).allSatisfy(r -> assertThat(r).hasSize(read.headers().size()));
        assertThat(read.badRows()).singleElement().satisfies(bad -> {
            assertThat(bad.number()).isEqualTo(all / 2 + 1);
            assertThat(bad.cells()).hasSize(read.headers().size() + 1).last().isEqualTo("extra");
        });
    }

    @Test
    void aByteOrderMarkFailsTheCallNamingIt() {
        signedIn();
        sims.peoplevoxFault(Map.of("operation", "GetReportData", "type", "BYTE_ORDER_MARK", "count", 1));

        assertThatThrownBy(() -> peoplevox.getReport("Item inventory summary", "", null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.category()).isEqualTo(Category.VALIDATION))
                .hasMessageContaining("GetReportData Item inventory summary").hasMessageContaining("byte-order mark");

        assertThat(peoplevox.getReport("Item inventory summary", "", null, null).headers()).first().isEqualTo("Item code");
    }

    @Test
    void bytesThatAreNotUtf8FailTheCallInsteadOfBeingReplaced() {
        byte[] answer = "<Detail>Caf\u00e9</Detail>".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> PeoplevoxClient.utf8("GetData", answer))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.category()).isEqualTo(Category.VALIDATION))
                .hasMessageContaining("Peoplevox GetData answered bytes that are not UTF-8 (at byte 11 of 21)");
        assertThat(PeoplevoxClient.utf8("GetData", "<Detail>Caf\u00e9</Detail>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("<Detail>Caf\u00e9</Detail>");
    }
}
