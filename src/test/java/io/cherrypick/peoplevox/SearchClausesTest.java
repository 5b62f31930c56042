package io.cherrypick.peoplevox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cherrypick.simulator.peoplevox.search.SearchClause;

/**
 * Values in search clauses are escaped: a pick number holding {@code "} and {@code \} finds exactly its own order when
 * the clause is read as Peoplevox reads it (the simulator's parser follows the public grammar), and cannot add a
 * condition of its own.
 */
class SearchClausesTest {
    private static final String PICK = "P\"7\\\" OR SalesOrderNumber.Equals(\"P2";

    @Test
    void aPickNumberWithAQuoteAndABackslashFindsOnlyItself() {
        String clause = SearchClauses.anyEquals("SalesOrderNumber", List.of(PICK, "P3", PICK));

        assertThat(clause).isEqualTo("SalesOrderNumber.Equals(\"P\\\"7\\\\\\\" OR SalesOrderNumber.Equals(\\\"P2\")"
                + " OR SalesOrderNumber.Equals(\"P3\")");
        SearchClause parsed = SearchClause.parse(clause, List.of("SalesOrderNumber"));
        assertThat(parsed.matches(Map.of("SalesOrderNumber", PICK)::get)).isTrue();
        assertThat(parsed.matches(Map.of("SalesOrderNumber", "P3")::get)).isTrue();
        assertThat(parsed.matches(Map.of("SalesOrderNumber", "P2")::get)).as("no condition smuggled in").isFalse();
        assertThat(parsed.matches(Map.of("SalesOrderNumber", "P\"7\\")::get)).isFalse();
    }

    @Test
    void aColumnNameWithSpacesIsBracketedAndItsValueEscaped() {
        SearchClause parsed = SearchClause.parse(SearchClauses.anyEquals("[Item code]", List.of("A\\B\"C")),
                List.of("Item code"));
        assertThat(parsed.matches(Map.of("Item code", "A\\B\"C")::get)).isTrue();
        assertThat(parsed.matches(Map.of("Item code", "AB")::get)).isFalse();
    }
}
