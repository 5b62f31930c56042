package io.cherrypick.simulator.channel;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An injected fault of the channel receiver. Applies to the next {@code count} matching calls (then
 * {@code remaining} counts down) or to a random {@code rate} share of them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelFault(long id, String operation, Type type, Integer count, Double rate, Long delayMs,
                           Integer status, Integer remaining) {

    /** The fault types a sales channel can show (the SOAP and session faults belong to Peoplevox only). */
    public enum Type { LATENCY, TIMEOUT, HTTP_5XX, RATE_LIMIT }

    /** The operations faults can target: the stock-level receiver, or every operation. */
    public static final String STOCK_LEVELS = "stock-levels";
    public static final String ANY = "*";

    static final long DEFAULT_LATENCY_MS = 500;
    static final long DEFAULT_TIMEOUT_MS = 35_000;
    static final int DEFAULT_STATUS = 500;
    static final long DEFAULT_RETRY_AFTER_MS = 1_000;

    /** The delay this fault applies: the given one or the type's default. */
    long effectiveDelayMs() {
        if (delayMs != null) {
            return delayMs;
        }
        return switch (type) {
            case TIMEOUT -> DEFAULT_TIMEOUT_MS;
            case RATE_LIMIT -> DEFAULT_RETRY_AFTER_MS;
            default -> DEFAULT_LATENCY_MS;
        };
    }

    int effectiveStatus() {
        return status != null ? status : DEFAULT_STATUS;
    }

    ChannelFault withRemaining(Integer newRemaining) {
        return new ChannelFault(id, operation, type, count, rate, delayMs, status, newRemaining);
    }
}
