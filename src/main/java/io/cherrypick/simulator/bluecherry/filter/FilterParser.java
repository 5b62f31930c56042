package io.cherrypick.simulator.bluecherry.filter;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.cherrypick.simulator.bluecherry.filter.FilterExpression.Comparison;
import io.cherrypick.simulator.bluecherry.filter.FilterExpression.Literal;

/**
 * Parses Blue Cherry's OData-like {@code $filter}, e.g.
 * {@code last_mod gt '2024-05-01 00:00:00' and (loc_type eq 'W' or pkey le 10)}.
 *
 * <pre>
 * filter     := or
 * or         := and ( "or" and )*
 * and        := unary ( "and" unary )*
 * unary      := "not" unary | primary
 * primary    := "(" or ")" | comparison
 * comparison := field ( "eq" | "ne" | "gt" | "ge" | "lt" | "le" ) literal
 * literal    := 'quoted text' ('' escapes a quote) | number | null | true | false
 * </pre>
 * Keywords are case-insensitive. Fields are checked against the resource's catalogue and literals against the
 * field's type while parsing, so a bad filter fails before any record is looked at.
 */
public final class FilterParser {
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private enum Kind { OPEN, CLOSE, QUOTED, WORD, END }

    private record Token(Kind kind, String text, int position) {
        String describe() {
            return switch (kind) {
                case END -> "end of filter";
                case QUOTED -> "'" + text + "'";
                default -> "'" + text + "' at position " + (position + 1);
            };
        }
    }

    private final List<Token> tokens;
    private final FieldCatalog fields;
    private int next;

    private FilterParser(List<Token> tokens, FieldCatalog fields) {
        this.tokens = tokens;
        this.fields = fields;
    }

    /** Parses a filter; a null or blank text matches everything. */
    public static FilterExpression parse(String text, FieldCatalog fields) {
        if (text == null || text.isBlank()) {
            return FilterExpression.ALL;
        }
        FilterParser parser = new FilterParser(tokenize(text), fields);
        FilterExpression expression = parser.parseOr();
        Token rest = parser.peek();
        if (rest.kind() != Kind.END) {
            throw new FilterException("unexpected " + rest.describe());
        }
        return expression;
    }

    private FilterExpression parseOr() {
        FilterExpression left = parseAnd();
        while (peekKeyword("or")) {
            next++;
            left = new FilterExpression.Or(left, parseAnd());
        }
        return left;
    }

    private FilterExpression parseAnd() {
        FilterExpression left = parseUnary();
        while (peekKeyword("and")) {
            next++;
            left = new FilterExpression.And(left, parseUnary());
        }
        return left;
    }

    private FilterExpression parseUnary() {
        if (peekKeyword("not")) {
            next++;
            return new FilterExpression.Not(parseUnary());
        }
        return parsePrimary();
    }

    private FilterExpression parsePrimary() {
        Token token = take();
        if (token.kind() == Kind.OPEN) {
            FilterExpression inner = parseOr();
            Token close = take();
            if (close.kind() != Kind.CLOSE) {
                throw new FilterException("expected ')' but found " + close.describe());
            }
            return inner;
        }
        if (token.kind() != Kind.WORD || !FIELD.matcher(token.text()).matches()) {
            throw new FilterException("expected a field name but found " + token.describe());
        }
        return parseComparison(token.text());
    }

    private FilterExpression parseComparison(String fieldName) {
        String field = fieldName.toLowerCase(Locale.ROOT);
        FieldType type = fields.typeOf(field);
        if (type == null) {
            throw new FilterException("unknown field '" + fieldName + "'");
        }
        Token opToken = take();
        ComparisonOperator operator = opToken.kind() == Kind.WORD ? ComparisonOperator.parse(opToken.text()) : null;
        if (operator == null) {
            throw new FilterException("expected an operator (eq, ne, gt, ge, lt, le) after '" + fieldName
                    + "' but found " + opToken.describe());
        }
        Token valueToken = take();
        if (valueToken.kind() != Kind.QUOTED && valueToken.kind() != Kind.WORD) {
            throw new FilterException("expected a value after '" + fieldName + " " + opToken.text()
                    + "' but found " + valueToken.describe());
        }
        Literal literal = new Literal(valueToken.text(), valueToken.kind() == Kind.QUOTED);
        if (!literal.quoted() && !literal.isNull() && !NUMBER.matcher(literal.text()).matches()
                && !literal.text().equalsIgnoreCase("true") && !literal.text().equalsIgnoreCase("false")) {
            throw new FilterException("value " + valueToken.describe() + " must be quoted");
        }
        if (literal.isNull()) {
            if (operator != ComparisonOperator.EQ && operator != ComparisonOperator.NE) {
                throw new FilterException("null can only be compared with eq or ne");
            }
            return new Comparison(field, type, operator, literal, null, null);
        }
        LocalDateTime datetime = null;
        BigDecimal number = null;
        if (type == FieldType.DATETIME) {
            datetime = FilterValues.parseDateTime(literal.text());
            if (datetime == null) {
                throw new FilterException("'" + literal.text() + "' is not a valid datetime for " + fieldName
                        + " (expected 'YYYY-MM-DD HH:MM:SS')");
            }
        } else if (type == FieldType.NUMBER) {
            number = FilterValues.parseNumber(literal.text());
            if (number == null) {
                throw new FilterException("'" + literal.text() + "' is not a number for " + fieldName);
            }
        }
        return new Comparison(field, type, operator, literal, datetime, number);
    }

    private boolean peekKeyword(String keyword) {
        Token t = peek();
        return t.kind() == Kind.WORD && t.text().equalsIgnoreCase(keyword);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token t = tokens.get(next);
        if (t.kind() != Kind.END) {
            next++;
        }
        return t;
    }

    private static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(Kind.OPEN, "(", i++));
            } else if (c == ')') {
                out.add(new Token(Kind.CLOSE, ")", i++));
            } else if (c == '\'') {
                int start = i++;
                StringBuilder value = new StringBuilder();
                boolean closed = false;
                while (i < text.length()) {
                    char q = text.charAt(i++);
                    if (q == '\'') {
                        if (i < text.length() && text.charAt(i) == '\'') {
                            value.append('\'');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        value.append(q);
                    }
                }
                if (!closed) {
                    throw new FilterException("unterminated quoted value starting at position " + (start + 1));
                }
                out.add(new Token(Kind.QUOTED, value.toString(), start));
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))
                        && "()'".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                out.add(new Token(Kind.WORD, text.substring(start, i), start));
            }
        }
        out.add(new Token(Kind.END, "", text.length()));
        return out;
    }
}
