package io.cherrypick.simulator.peoplevox.search;

import io.cherrypick.simulator.peoplevox.search.Token.Kind;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser of the Dynamic-LINQ-like clause language (reference §4.3):
 *
 * <pre>
 * clause     := or END
 * or         := and (("OR" | "||") and)*
 * and        := unary (("AND" | "&&") unary)*
 * unary      := ("!" | "NOT") unary | comparison
 * comparison := operand (("==" | "=" | "!=" | "<>" | "<" | "<=" | ">" | ">=") operand)?
 * operand    := primary ("." METHOD "(" or ")")*
 * primary    := "(" or ")" | STRING | ["-"] NUMBER | "true" | "false" | "null"
 *             | "DateTime" "(" NUMBER ("," NUMBER){2,5} ")" | [bracketed name] | NAME ("." NAME)*
 * </pre>
 */
final class SearchClauseParser {
    private static final Set<String> METHODS = Set.of("Equals", "Contains", "StartsWith", "EndsWith");
    private static final Set<String> COMPARISONS = Set.of("==", "=", "!=", "<>", "<", "<=", ">", ">=");

    private final List<Token> tokens;
    private final Map<String, String> fieldsByLowerName;
    private int index;

    private SearchClauseParser(List<Token> tokens, Map<String, String> fieldsByLowerName) {
        this.tokens = tokens;
        this.fieldsByLowerName = fieldsByLowerName;
    }

    static Expression parse(String clause, Map<String, String> fieldsByLowerName) {
        SearchClauseParser parser = new SearchClauseParser(Tokenizer.tokenize(clause), fieldsByLowerName);
        Expression expression = parser.or();
        Token trailing = parser.peek();
        if (!trailing.is(Kind.END)) {
            throw parser.error("unexpected " + trailing.describe(), trailing);
        }
        return parser.requireCondition(expression, parser.tokens.get(0));
    }

    private Expression or() {
        Expression left = and();
        while (peek().isKeyword("OR") || peek().isOperator("||")) {
            Token operator = advance();
            left = new Expression.Or(requireCondition(left, operator), requireCondition(and(), operator));
        }
        return left;
    }

    private Expression and() {
        Expression left = unary();
        while (peek().isKeyword("AND") || peek().isOperator("&&")) {
            Token operator = advance();
            left = new Expression.And(requireCondition(left, operator), requireCondition(unary(), operator));
        }
        return left;
    }

    private Expression unary() {
        if (peek().isOperator("!") || peek().isKeyword("NOT")) {
            Token operator = advance();
            return new Expression.Not(requireCondition(unary(), operator));
        }
        return comparison();
    }

    private Expression comparison() {
        Expression left = operand();
        Token next = peek();
        if (next.is(Kind.OPERATOR) && COMPARISONS.contains(next.text())) {
            advance();
            String operator = switch (next.text()) {
                case "=" -> "==";
                case "<>" -> "!=";
                default -> next.text();
            };
            return new Expression.Comparison(left, operator, operand());
        }
        return left;
    }

    private Expression operand() {
        Expression expression = primary();
        while (peek().is(Kind.DOT)) {
            advance();
            Token method = expect(Kind.IDENTIFIER, "a method name");
            String name = canonicalMethod(method);
            expect(Kind.LEFT_PAREN, "'('");
            Expression argument = or();
            expect(Kind.RIGHT_PAREN, "')'");
            expression = new Expression.MethodCall(expression, name, argument);
        }
        return expression;
    }

    private Expression primary() {
        Token token = advance();
        switch (token.kind()) {
            case LEFT_PAREN -> {
                Expression inner = or();
                expect(Kind.RIGHT_PAREN, "')'");
                return inner;
            }
            case STRING -> {
                return new Expression.Literal(token.text());
            }
            case NUMBER -> {
                return new Expression.Literal(new BigDecimal(token.text()));
            }
            case BRACKETED_NAME -> {
                return field(token.text(), token);
            }
            case IDENTIFIER -> {
                return identifier(token);
            }
            case OPERATOR -> {
                if (token.text().equals("-")) {
                    Token number = expect(Kind.NUMBER, "a number");
                    return new Expression.Literal(new BigDecimal(number.text()).negate());
                }
                throw error("expected a value but found " + token.describe(), token);
            }
            default -> throw error("expected a value but found " + token.describe(), token);
        }
    }

    private Expression identifier(Token token) {
        if (token.isKeyword("true") || token.isKeyword("false")) {
            return new Expression.Literal(Boolean.parseBoolean(token.text().toLowerCase()));
        }
        if (token.isKeyword("null")) {
            return new Expression.Literal(null);
        }
        if (token.isKeyword("DateTime") && peek().is(Kind.LEFT_PAREN)) {
            return dateTime(token);
        }
        // A dotted path such as SalesOrderStatus.Name: dots followed by a method call end the path.
        StringBuilder path = new StringBuilder(token.text());
        while (peek().is(Kind.DOT) && peekAt(1).is(Kind.IDENTIFIER) && !peekAt(2).is(Kind.LEFT_PAREN)) {
            advance();
            path.append('.').append(advance().text());
        }
        return field(path.toString(), token);
    }

    private Expression dateTime(Token start) {
        expect(Kind.LEFT_PAREN, "'('");
        List<Integer> parts = new ArrayList<>();
        parts.add(Integer.parseInt(expect(Kind.NUMBER, "a number").text()));
        while (peek().is(Kind.COMMA)) {
            advance();
            parts.add(Integer.parseInt(expect(Kind.NUMBER, "a number").text()));
        }
        expect(Kind.RIGHT_PAREN, "')'");
        if (parts.size() < 3 || parts.size() > 6) {
            throw error("DateTime needs 3 to 6 numbers (year, month, day[, hour, minute, second])", start);
        }
        while (parts.size() < 6) {
            parts.add(0);
        }
        try {
            return new Expression.Literal(LocalDateTime.of(parts.get(0), parts.get(1), parts.get(2), parts.get(3),
                    parts.get(4), parts.get(5)));
        } catch (DateTimeException e) {
            throw error("invalid DateTime: " + e.getMessage(), start);
        }
    }

    private Expression field(String name, Token token) {
        String canonical = fieldsByLowerName.get(name.toLowerCase());
        if (canonical == null) {
            throw error("unknown field '" + name + "'", token);
        }
        return new Expression.Field(canonical);
    }

    private String canonicalMethod(Token token) {
        for (String method : METHODS) {
            if (method.equalsIgnoreCase(token.text())) {
                return method;
            }
        }
        throw error("unknown method '" + token.text() + "' (use Equals, Contains, StartsWith or EndsWith)", token);
    }

    /** Rejects plain values where a condition is needed, e.g. {@code "abc" AND x == 1}. */
    private Expression requireCondition(Expression expression, Token near) {
        if (expression instanceof Expression.Literal literal && !(literal.value() instanceof Boolean)
                || expression instanceof Expression.Negate) {
            throw error("expected a condition", near);
        }
        return expression;
    }

    private Token expect(Kind kind, String what) {
        Token token = advance();
        if (!token.is(kind)) {
            throw error("expected " + what + " but found " + token.describe(), token);
        }
        return token;
    }

    private Token peek() {
        return peekAt(0);
    }

    private Token peekAt(int offset) {
        return tokens.get(Math.min(index + offset, tokens.size() - 1));
    }

    private Token advance() {
        Token token = peek();
        if (index < tokens.size() - 1) {
            index++;
        }
        return token;
    }

    private SearchClauseException error(String message, Token token) {
        return new SearchClauseException(message + " at position " + token.position());
    }
}
