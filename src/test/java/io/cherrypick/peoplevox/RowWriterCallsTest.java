package io.cherrypick.peoplevox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** SaveData calls of at most maxRows rows (peoplevox:save option maxRows), e.g. the returns flow's expected returns. */
class RowWriterCallsTest {

    @Test
    void saveDataCallsCarryAtMostOneHundredRowsAndKeepAnRaWhole() {
        Map<String, List<Map<String, String>>> rowsByRa = new LinkedHashMap<>();
        for (int i = 0; i < 55; i++) {
            rowsByRa.put("RA" + i, rows(2));
        }
        rowsByRa.put("BIG", rows(250));
        List<Map<String, List<Map<String, String>>>> calls = RowWriter.calls(List.copyOf(rowsByRa.keySet()), rowsByRa, 100);
        List<Integer> sizes = calls.stream().map(c -> c.values().stream().mapToInt(List::size).sum()).toList();
        assertThat(sizes).containsExactly(100, 100, 100, 50, 10);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(360);
        assertThat(calls.get(0)).hasSize(50);
        assertThat(calls.get(1)).containsOnlyKeys("BIG");
    }

    @Test
    void withoutACapEveryRecordOfAFieldSetGoesInOneCall() {
        Map<String, List<Map<String, String>>> rows = new LinkedHashMap<>();
        rows.put("P1", rows(150));
        rows.put("P2", rows(3));
        assertThat(RowWriter.calls(List.copyOf(rows.keySet()), rows, 0)).hasSize(1);
    }

    @Test
    void theFieldsHoldingWhatXmlCannotCarryAreNamed() {
        assertThat(RowWriter.unreadableFields(List.of(Map.of("Name", "Jane", "Address1", "1 Main\u000BSt"))))
                .isEqualTo(": field Address1 carries U+000B, a character XML cannot carry");
        assertThat(RowWriter.unreadableFields(List.of(Map.of("Name", "Zoë \uD83D\uDE00", "Notes", "tab\there\r\n"))))
                .as("tabs, line ends, accents and emoji travel").isEmpty();
        assertThat(RowWriter.unreadableFields(List.of(Map.of("Name", "lone \uD83D surrogate")))).contains("U+D83D");
    }

    private static List<Map<String, String>> rows(int n) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Map.of("ItemCode", "I" + i));
        }
        return rows;
    }
}
