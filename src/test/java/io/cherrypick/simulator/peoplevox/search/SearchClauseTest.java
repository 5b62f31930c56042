package io.cherrypick.simulator.peoplevox.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchClauseTest {
    private static final List<String> FIELDS = List.of("SalesOrderNumber", "Status", "Quantity", "CreatedDate",
            "Site reference", "SalesOrderStatus.Name", "OnHold", "Email");

    private final Map<String, Object> row = new HashMap<>(Map.of(
            "SalesOrderNumber", "SO-1001",
            "Status", "New",
            "Quantity", new BigDecimal("12"),
            "CreatedDate", LocalDateTime.of(2024, 5, 1, 10, 0, 0),
            "Site reference", "PrimarySite",
            "SalesOrderStatus.Name", "Despatched",
            "OnHold", Boolean.FALSE));

    private boolean matches(String clause) {
        return SearchClause.parse(clause, FIELDS).matches(row::get);
    }

    @Test
    void comparesStringsNumbersAndDates() {
        assertThat(matches("SalesOrderNumber == \"SO-1001\"")).isTrue();
        assertThat(matches("SalesOrderNumber != \"SO-1001\"")).isFalse();
        assertThat(matches("Quantity > 9")).isTrue(); // numeric, not text order ("12" < "9")
        assertThat(matches("Quantity <= 12 AND Quantity >= 12.0")).isTrue();
        assertThat(matches("Quantity < -1")).isFalse();
        assertThat(matches("CreatedDate >= DateTime(2024,05,01,00,00,00)")).isTrue();
        assertThat(matches("CreatedDate < DateTime(2024,5,1)")).isFalse();
        assertThat(matches("CreatedDate > '2024-04-30 23:59'")).isTrue();
    }

    @Test
    void supportsMethodsNegationBooleansAndParentheses() {
        assertThat(matches("SalesOrderNumber.Equals(\"so-1001\")")).isTrue();
        assertThat(matches("SalesOrderNumber.Contains(\"10\") and SalesOrderNumber.StartsWith(\"SO\")")).isTrue();
        assertThat(matches("SalesOrderNumber.EndsWith(\"02\")")).isFalse();
        assertThat(matches("!SalesOrderNumber.EndsWith(\"02\")")).isTrue();
        assertThat(matches("(Status == \"Cancelled\" OR Status == \"New\") AND !(Quantity == 1)")).isTrue();
        assertThat(matches("Status == \"Cancelled\" || Quantity == 12 && Status = \"New\"")).isTrue();
        assertThat(matches("[Site reference].Equals(\"PrimarySite\")")).isTrue();
        assertThat(matches("SalesOrderStatus.Name == \"Despatched\"")).isTrue();
        assertThat(matches("salesorderstatus.name == \"despatched\"")).isTrue();
        assertThat(matches("OnHold == false")).isTrue();
        assertThat(matches("Email == null")).isTrue();
        assertThat(matches("Email.Contains(\"x\")")).isFalse();
        assertThat(matches("Status.Equals(5)")).isFalse();
        assertThat(SearchClause.parse("  ", FIELDS).matchesAll()).isTrue();
    }

    @Test
    void andBindsTighterThanOr() {
        // false AND false OR true == true; with OR first it would be false
        assertThat(matches("Status == \"X\" AND Quantity == 0 OR Quantity == 12")).isTrue();
        assertThat(matches("Quantity == 12 OR Status == \"X\" AND Quantity == 0")).isTrue();
    }

    @Test
    void reportsClearErrors() {
        assertThatThrownBy(() -> SearchClause.parse("Foo == 1", FIELDS))
                .isInstanceOf(SearchClauseException.class).hasMessage("unknown field 'Foo' at position 1");
        assertThatThrownBy(() -> SearchClause.parse("Status == ", FIELDS))
                .hasMessage("expected a value but found end of clause at position 11");
        assertThatThrownBy(() -> SearchClause.parse("(Status == \"New\"", FIELDS))
                .hasMessage("expected ')' but found end of clause at position 17");
        assertThatThrownBy(() -> SearchClause.parse("Status.Like(\"x\")", FIELDS))
                .hasMessageContaining("unknown method 'Like'");
        assertThatThrownBy(() -> SearchClause.parse("Status == \"New", FIELDS))
                .hasMessage("unterminated string at position 11");
        assertThatThrownBy(() -> SearchClause.parse("\"New\" AND Status == \"New\"", FIELDS))
                .hasMessageContaining("expected a condition");
        assertThatThrownBy(() -> SearchClause.parse("CreatedDate > DateTime(2024,13,1)", FIELDS))
                .hasMessageContaining("invalid DateTime");
        assertThatThrownBy(() -> SearchClause.parse("Status == \"New\" Quantity", FIELDS))
                .hasMessage("unexpected 'Quantity' at position 17");
        assertThatThrownBy(() -> matches("CreatedDate > \"soon\""))
                .isInstanceOf(SearchClauseException.class).hasMessageContaining("cannot compare a date");
    }
}
