package io.cherrypick.peoplevox;

/** Values written into Peoplevox search clauses ({@code Field.Equals("value")}). */
public final class SearchClauses {
    private SearchClauses() {
    }

    /** Escapes a value for a double-quoted string literal of a search clause (backslash and double quote). */
    public static String escape(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
