package io.cherrypick.simulator.bluecherry.filter;

import java.util.Locale;

/** The OData comparison operators Blue Cherry's {@code $filter} uses. */
public enum ComparisonOperator {
    EQ, NE, GT, GE, LT, LE;

    static ComparisonOperator parse(String word) {
        try {
            return valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether a comparison result ({@code <0}, {@code 0}, {@code >0}) satisfies this operator. */
    boolean accepts(int cmp) {
        return switch (this) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
        };
    }
}
