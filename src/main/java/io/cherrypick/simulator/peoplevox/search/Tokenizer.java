package io.cherrypick.simulator.peoplevox.search;

import io.cherrypick.simulator.peoplevox.search.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** Splits a clause into tokens: names, [bracketed names], "strings" or 'strings', numbers and operators. */
final class Tokenizer {
    private static final List<String> OPERATORS = List.of("==", "!=", "<>", "<=", ">=", "&&", "||", "<", ">", "=", "!", "-");

    private final String text;
    private int index;

    private Tokenizer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        return new Tokenizer(text).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (index >= text.length()) {
                tokens.add(new Token(Kind.END, "", index + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = index;
        char c = text.charAt(index);
        if (Character.isLetter(c) || c == '_') {
            while (index < text.length() && (Character.isLetterOrDigit(text.charAt(index)) || text.charAt(index) == '_')) {
                index++;
            }
            return new Token(Kind.IDENTIFIER, text.substring(start, index), start + 1);
        }
        if (Character.isDigit(c)) {
            while (index < text.length() && Character.isDigit(text.charAt(index))) {
                index++;
            }
            if (index + 1 < text.length() && text.charAt(index) == '.' && Character.isDigit(text.charAt(index + 1))) {
                index++;
                while (index < text.length() && Character.isDigit(text.charAt(index))) {
                    index++;
                }
            }
            return new Token(Kind.NUMBER, text.substring(start, index), start + 1);
        }
        switch (c) {
            case '"', '\'':
                return quoted(c);
            case '[':
                int close = text.indexOf(']', index);
                if (close < 0) {
                    throw error("missing ']'", start);
                }
                index = close + 1;
                return new Token(Kind.BRACKETED_NAME, text.substring(start + 1, close).trim(), start + 1);
            case '(':
                index++;
                return new Token(Kind.LEFT_PAREN, "(", start + 1);
            case ')':
                index++;
                return new Token(Kind.RIGHT_PAREN, ")", start + 1);
            case ',':
                index++;
                return new Token(Kind.COMMA, ",", start + 1);
            case '.':
                index++;
                return new Token(Kind.DOT, ".", start + 1);
            default:
                for (String operator : OPERATORS) {
                    if (text.startsWith(operator, index)) {
                        index += operator.length();
                        return new Token(Kind.OPERATOR, operator, start + 1);
                    }
                }
                throw error("unexpected character '" + c + "'", start);
        }
    }

    /** Strings in double quotes (C# style, backslash escapes) or single quotes (older report clauses). */
    private Token quoted(char quote) {
        int start = index;
        StringBuilder value = new StringBuilder();
        index++;
        while (index < text.length()) {
            char c = text.charAt(index++);
            if (c == quote) {
                return new Token(Kind.STRING, value.toString(), start + 1);
            }
            if (c == '\\' && index < text.length()) {
                value.append(text.charAt(index++));
            } else {
                value.append(c);
            }
        }
        throw error("unterminated string", start);
    }

    private void skipWhitespace() {
        while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
            index++;
        }
    }

    private SearchClauseException error(String message, int offset) {
        return new SearchClauseException(message + " at position " + (offset + 1));
    }
}
