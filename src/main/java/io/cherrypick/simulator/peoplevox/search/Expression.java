package io.cherrypick.simulator.peoplevox.search;

import java.math.BigDecimal;
import java.util.function.Function;

/** Parsed clause nodes. Conditions evaluate to Boolean, operands to a typed value (see {@link Values}). */
sealed interface Expression {

    Object evaluate(Function<String, Object> fields);

    record Literal(Object value) implements Expression {
        public Object evaluate(Function<String, Object> fields) {
            return value;
        }
    }

    record Field(String name) implements Expression {
        public Object evaluate(Function<String, Object> fields) {
            return Values.normalize(fields.apply(name));
        }
    }

    record Not(Expression operand) implements Expression {
        public Object evaluate(Function<String, Object> fields) {
            return !Expressions.condition(operand, fields);
        }
    }

    record And(Expression left, Expression right) implements Expression {
        public Object evaluate(Function<String, Object> fields) {
            return Expressions.condition(left, fields) && Expressions.condition(right, fields);
        }
    }

    record Or(Expression left, Expression right) implements Expression {
        public Object evaluate(Function<String, Object> fields) {
            return Expressions.condition(left, fields) || Expressions.condition(right, fields);
        }
    }

    record Comparison(Expression left, String operator, Expression right) implements Expression {
        public Object evaluate(Function<String, Object> fields) {
            Object l = left.evaluate(fields);
            Object r = right.evaluate(fields);
            return switch (operator) {
                case "==" -> Values.equal(l, r);
                case "!=" -> !Values.equal(l, r);
                default -> l != null && r != null && ordered(Values.compare(l, r));
            };
        }

        private boolean ordered(int order) {
            return switch (operator) {
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                case ">=" -> order >= 0;
                default -> throw new IllegalStateException("operator " + operator);
            };
        }
    }

    /** The string methods of the clause language: Equals, Contains, StartsWith, EndsWith. */
    record MethodCall(Expression target, String method, Expression argument) implements Expression {
        public Object evaluate(Function<String, Object> fields) {
            Object value = target.evaluate(fields);
            Object arg = argument.evaluate(fields);
            if (method.equals("Equals")) {
                return Values.equal(value, arg);
            }
            if (value == null || arg == null) {
                return false;
            }
            return switch (method) {
                case "Contains" -> Values.contains(value, arg);
                case "StartsWith" -> Values.startsWith(value, arg);
                case "EndsWith" -> Values.endsWith(value, arg);
                default -> throw new IllegalStateException("method " + method);
            };
        }
    }

    record Negate(Expression operand) implements Expression {
        public Object evaluate(Function<String, Object> fields) {
            Object value = operand.evaluate(fields);
            if (value instanceof BigDecimal number) {
                return number.negate();
            }
            throw new SearchClauseException("'-' needs a number");
        }
    }

    final class Expressions {
        private Expressions() {
        }

        static boolean condition(Expression expression, Function<String, Object> fields) {
            Object value = expression.evaluate(fields);
            if (value instanceof Boolean bool) {
                return bool;
            }
            throw new SearchClauseException("'" + Values.toText(value) + "' is not a condition");
        }
    }
}
