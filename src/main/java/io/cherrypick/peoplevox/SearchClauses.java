package io.cherrypick.peoplevox;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Values written into Peoplevox search clauses ({@code Field.Equals("value")}). Every clause Cherrypick builds from a
 * value (a pick number, an item code, a despatch number) is built here, so every value is escaped: a {@code "} or
 * {@code \} in it can neither end the literal early nor add a condition of its own.
 */
public final class SearchClauses {
    private SearchClauses() {
    }

    /** Escapes a value for a double-quoted string literal of a search clause (backslash and double quote). */
    public static String escape(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * {@code field.Equals("a") OR field.Equals("b") ...} for the distinct values, each escaped. {@code field} is a
     * column as Peoplevox names it in a clause ({@code SalesOrderNumber}, or {@code [Item code]} for a name with spaces).
     */
    public static String anyEquals(String field, Collection<String> values) {
        return values.stream().distinct().map(v -> field + ".Equals(\"" + escape(v) + "\")")
                .collect(Collectors.joining(" OR "));
    }
}
