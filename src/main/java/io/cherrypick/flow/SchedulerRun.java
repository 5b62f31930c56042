package io.cherrypick.flow;

import org.apache.camel.Exchange;

/** What a run of a {@code scheduler:} consumer tells its scheduler. */
public final class SchedulerRun {
    private SchedulerRun() {
    }

    /**
     * Marks a run that found nothing to do, so the scheduler's idle back-off applies; returns 0 (the count handled) for
     * the callers that report one. A null exchange (a direct call, not a scheduled run) is ignored.
     */
    public static int nothingPolled(Exchange exchange) {
        if (exchange != null) {
            exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, false);
        }
        return 0;
    }
}
