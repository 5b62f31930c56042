package io.cherrypick.simulator.bluecherry.filter;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;

/** A parsed {@code $filter}: a tree of comparisons joined by {@code and}, {@code or} and {@code not}. */
public sealed interface FilterExpression {

    /** Whether a record (its header fields by name) satisfies the filter. */
    boolean matches(Map<String, Object> record);

    /** A filter that matches everything (no {@code $filter} given). */
    FilterExpression ALL = new All();

    record All() implements FilterExpression {
        @Override
        public boolean matches(Map<String, Object> record) {
            return true;
        }
    }

    record And(FilterExpression left, FilterExpression right) implements FilterExpression {
        @Override
        public boolean matches(Map<String, Object> record) {
            return left.matches(record) && right.matches(record);
        }
    }

    record Or(FilterExpression left, FilterExpression right) implements FilterExpression {
        @Override
        public boolean matches(Map<String, Object> record) {
            return left.matches(record) || right.matches(record);
        }
    }

    record Not(FilterExpression inner) implements FilterExpression {
        @Override
        public boolean matches(Map<String, Object> record) {
            return !inner.matches(record);
        }
    }

    /**
     * {@code field op literal}. The literal was checked against the field type when parsed, so
     * {@code datetimeLiteral} / {@code numberLiteral} are set where the type needs them.
     */
    record Comparison(String field, FieldType type, ComparisonOperator operator, Literal literal,
                      LocalDateTime datetimeLiteral, BigDecimal numberLiteral) implements FilterExpression {

        @Override
        public boolean matches(Map<String, Object> record) {
            Object value = valueOf(record);
            if (literal.isNull() || value == null) {
                boolean bothNull = literal.isNull() && value == null;
                return operator == ComparisonOperator.EQ ? bothNull : operator == ComparisonOperator.NE && !bothNull;
            }
            Integer cmp = compare(value);
            return cmp != null && operator.accepts(cmp);
        }

        private Object valueOf(Map<String, Object> record) {
            if (record.containsKey(field)) {
                return record.get(field);
            }
            for (Map.Entry<String, Object> e : record.entrySet()) {
                if (e.getKey().equalsIgnoreCase(field)) {
                    return e.getValue();
                }
            }
            return null;
        }

        /** Compares the record value with the literal; null when they cannot be compared (the record does not match). */
        private Integer compare(Object value) {
            switch (type) {
                case DATETIME -> {
                    // a served record gives last_mod as a LocalDateTime (HeaderView); other date fields are text
                    LocalDateTime v = value instanceof LocalDateTime t ? t : FilterValues.parseDateTime(value.toString());
                    return v == null ? null : v.compareTo(datetimeLiteral);
                }
                case NUMBER -> {
                    BigDecimal v = FilterValues.parseNumber(value);
                    return v == null ? null : v.compareTo(numberLiteral);
                }
                default -> {
                    BigDecimal v = value instanceof Number ? FilterValues.parseNumber(value) : null;
                    BigDecimal lit = FilterValues.parseNumber(literal.text());
                    if (v != null && lit != null) {
                        return v.compareTo(lit);
                    }
                    return String.CASE_INSENSITIVE_ORDER.compare(value.toString(), literal.text());
                }
            }
        }
    }

    /** A literal as written: quoted text, a bare word (number, true/false) or {@code null}. */
    record Literal(String text, boolean quoted) {
        boolean isNull() {
            return !quoted && text.toLowerCase(Locale.ROOT).equals("null");
        }
    }
}
