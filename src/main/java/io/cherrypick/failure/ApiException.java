package io.cherrypick.failure;

/**
 * A call to Blue Cherry, Peoplevox or a channel failed. {@link #isTransient()} says whether trying again later can help
 * (timeouts, 5xx, rate limits, expired sessions) or a person must act (a rejected record, bad credentials).
 */
public class ApiException extends RuntimeException {
    private final String system;
    private final Category category;
    private final boolean transientFailure;

    public ApiException(String system, Category category, boolean transientFailure, String message, Throwable cause) {
        super(message, cause);
        this.system = system;
        this.category = category;
        this.transientFailure = transientFailure;
    }

    public static ApiException transientFailure(String system, Category category, String message, Throwable cause) {
        return new ApiException(system, category, true, message, cause);
    }

    public static ApiException permanent(String system, Category category, String message) {
        return new ApiException(system, category, false, message, null);
    }

    public String system() {
        return system;
    }

    public Category category() {
        return category;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
