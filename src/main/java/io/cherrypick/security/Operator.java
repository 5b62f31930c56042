package io.cherrypick.security;

/**
 * The person behind an operator action, recorded in the audit log and on the exception they acted on: the signed-in
 * user when sign-in is on, else the name the console or script gives in the {@code X-Cherrypick-User} header.
 * Controllers take it as a parameter ({@link OperatorResolver}).
 */
public record Operator(String name) {
    public static final String HEADER = "X-Cherrypick-User";
    public static final String ANONYMOUS = "anonymous";
}
