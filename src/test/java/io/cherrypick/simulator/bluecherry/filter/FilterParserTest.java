package io.cherrypick.simulator.bluecherry.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class FilterParserTest {
    private static final FieldCatalog FIELDS = FieldCatalog.of(Map.of(
            "last_mod", FieldType.DATETIME, "pkey", FieldType.NUMBER, "location", FieldType.TEXT, "notes", FieldType.TEXT));
    private static final Map<String, Object> RECORD = Map.of(
            "last_mod", "2024-05-01 10:00:05", "pkey", 7, "location", "NJ", "notes", "it's fragile");

    private static boolean matches(String filter) {
        return FilterParser.parse(filter, FIELDS).matches(RECORD);
    }

    @Test
    void comparesDatetimesInTimeOrder() {
        assertThat(matches("last_mod gt '2024-05-01 10:00:04'")).isTrue();
        assertThat(matches("last_mod gt '2024-05-01 10:00:05'")).isFalse();
        assertThat(matches("last_mod ge '2024-05-01 10:00:05'")).isTrue();
        assertThat(matches("last_mod lt '2024-05-02'")).isTrue();
        assertThat(matches("last_mod le '2024-05-01'")).isFalse();
    }

    @Test
    void comparesNumbersNumerically() {
        assertThat(matches("pkey gt 10")).isFalse();
        assertThat(matches("pkey lt 10")).isTrue();
        assertThat(matches("pkey eq '7'")).isTrue();
    }

    @Test
    void comparesTextIgnoringCaseWithEscapedQuotes() {
        assertThat(matches("location eq 'nj'")).isTrue();
        assertThat(matches("notes eq 'it''s fragile'")).isTrue();
        assertThat(matches("location ne 'NJ'")).isFalse();
    }

    @Test
    void combinesWithPrecedenceAndParentheses() {
        // and binds tighter than or
        assertThat(matches("location eq 'LDN' and pkey eq 7 or pkey eq 7")).isTrue();
        assertThat(matches("location eq 'LDN' and (pkey eq 7 or pkey eq 7)")).isFalse();
        assertThat(matches("not location eq 'LDN'")).isTrue();
        assertThat(matches("LOCATION EQ 'NJ' AND PKEY GE 7")).isTrue();
    }

    @Test
    void nullComparisons() {
        assertThat(FilterParser.parse("notes eq null", FIELDS).matches(Map.of("location", "NJ"))).isTrue();
        assertThat(matches("notes ne null")).isTrue();
        assertThatThrownBy(() -> FilterParser.parse("notes gt null", FIELDS)).hasMessage("null can only be compared with eq or ne");
    }

    @Test
    void blankMatchesEverything() {
        assertThat(matches("  ")).isTrue();
        assertThat(FilterParser.parse(null, FIELDS)).isSameAs(FilterExpression.ALL);
    }

    @Test
    void rejectsMalformedFilters() {
        assertThatThrownBy(() -> FilterParser.parse("pkey eq 'x'", FIELDS)).hasMessage("'x' is not a number for pkey");
        assertThatThrownBy(() -> FilterParser.parse("location eq 'NJ' location", FIELDS)).hasMessage("unexpected 'location' at position 18");
        assertThatThrownBy(() -> FilterParser.parse("location eq 'NJ' and", FIELDS)).hasMessage("expected a field name but found end of filter");
        assertThatThrownBy(() -> FilterParser.parse("eq 'NJ'", FIELDS)).hasMessage("unknown field 'eq'");
        assertThatThrownBy(() -> FilterParser.parse("location eq 'NJ')", FIELDS)).hasMessage("unexpected ')' at position 17");
    }
}
