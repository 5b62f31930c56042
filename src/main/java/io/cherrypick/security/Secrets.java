package io.cherrypick.security;

/**
 * How secrets appear in text Cherrypick writes (logs, {@code toString}, error messages kept in the database): never as
 * themselves. A secret setting prints as {@code (set)} or {@code (not set)}; a text that may quote one (an HTTP client's
 * error naming the address it failed on) has it replaced.
 */
public final class Secrets {
    public static final String HIDDEN = "(hidden)";

    private Secrets() {
    }

    /** {@code (set)} or {@code (not set)}: whether a secret setting has a value, never the value. */
    public static String shown(String secret) {
        return secret == null || secret.isBlank() ? "(not set)" : "(set)";
    }

    /** {@code text} with every occurrence of each non-blank secret replaced by {@code (hidden)}. */
    public static String redact(String text, String... secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                out = out.replace(secret, HIDDEN);
            }
        }
        return out;
    }
}
