package io.cherrypick.simulator.peoplevox.search;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A parsed search clause (GetData, GetReportData) or event filter. Field names are matched case-insensitively
 * against the names the caller allows; a blank clause matches everything.
 */
public final class SearchClause {
    private static final SearchClause MATCH_ALL = new SearchClause("", null);

    private final String text;
    private final Expression expression;

    private SearchClause(String text, Expression expression) {
        this.text = text;
        this.expression = expression;
    }

    /**
     * @throws SearchClauseException with a message such as {@code unknown field 'Foo' at position 1}
     */
    public static SearchClause parse(String clause, Collection<String> fieldNames) {
        if (clause == null || clause.isBlank()) {
            return MATCH_ALL;
        }
        Map<String, String> fieldsByLowerName = new HashMap<>();
        fieldNames.forEach(name -> fieldsByLowerName.putIfAbsent(name.toLowerCase(), name));
        return new SearchClause(clause, SearchClauseParser.parse(clause, fieldsByLowerName));
    }

    /**
     * @param fields gives the value of a field by the name passed to {@link #parse}
     * @throws SearchClauseException when values cannot be compared (e.g. a date with a word)
     */
    public boolean matches(Function<String, Object> fields) {
        return expression == null || Expression.Expressions.condition(expression, fields);
    }

    public boolean matchesAll() {
        return expression == null;
    }

    @Override
    public String toString() {
        return text;
    }
}
