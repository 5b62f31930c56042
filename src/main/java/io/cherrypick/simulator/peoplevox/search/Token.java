package io.cherrypick.simulator.peoplevox.search;

/** One lexical token of a search clause; position is the 1-based character offset for error messages. */
record Token(Kind kind, String text, int position) {
    enum Kind {
        IDENTIFIER, BRACKETED_NAME, STRING, NUMBER, OPERATOR, LEFT_PAREN, RIGHT_PAREN, COMMA, DOT, END
    }

    boolean is(Kind expected) {
        return kind == expected;
    }

    boolean isOperator(String symbol) {
        return kind == Kind.OPERATOR && text.equals(symbol);
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    String describe() {
        return kind == Kind.END ? "end of clause" : "'" + text + "'";
    }
}
