package io.cherrypick.failure;

/**
 * The {@code outcome} tag of the external-call timer {@value #TIMER} (tags {@code system}, {@code operation},
 * {@code outcome}): {@code ok}; {@code refused} (the system answered and refused: a Peoplevox error response, a Blue
 * Cherry 4xx); {@code timeout}; {@code rate_limited}; {@code auth} (credentials or session refused); {@code error}
 * (unreachable, 5xx, an answer that cannot be read).
 */
public final class ApiCallOutcome {
    /** Prometheus: cherrypick_api_requests_seconds_{count,sum,max,bucket}. */
    public static final String TIMER = "cherrypick.api.requests";
    public static final String OK = "ok";
    public static final String REFUSED = "refused";

    private ApiCallOutcome() {
    }

    /** The outcome of a call that ended in this failure. */
    public static String of(Throwable failure) {
        if (failure instanceof ApiException api) {
            return switch (api.category()) {
                case API_TIMEOUT -> "timeout";
                case RATE_LIMITED -> "rate_limited";
                case AUTH -> "auth";
                case API_ERROR -> "error";
                default -> REFUSED;
            };
        }
        return failure == null ? OK : "error";
    }
}
