package io.cherrypick.failure;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Route;
import org.springframework.stereotype.Component;

import io.cherrypick.handoff.Handoff;
import io.cherrypick.runtime.FlowSwitch;
import io.cherrypick.store.ExceptionStore;

/**
 * The routes a schedule starts and that hold no hand-off record (checks, overlays, alerts: routeConfiguration
 * {@code cherrypick-scheduled} in routes/error-handling.camel.yaml). A failed run is one dead letter of the route's flow
 * (its group) keyed {@code schedule:<route id>}, so a stalled schedule shows once however often it fails; the next run
 * starts again from what is stored, and the first one that succeeds resolves it.
 */
@Component("scheduledRuns")
public class ScheduledRuns {
    private final ExceptionStore exceptions;

    public ScheduledRuns(ExceptionStore exceptions) {
        this.exceptions = exceptions;
    }

    /** The dead letter's headers for a failed run: flow, key, the fault's category and the sentence. */
    public void failed(Exchange exchange) {
        Message in = exchange.getIn();
        String route = exchange.getFromRouteId();
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        in.setHeader(Handoff.FLOW, flowOf(exchange));
        in.setHeader(Handoff.ROUTE, route);
        in.setHeader(Handoff.RECORD_KEY, keyOf(route));
        in.setHeader(Handoff.CATEGORY, (cause instanceof ApiException api && api.category() != null ? api.category()
                : Category.INTERNAL).name());
        in.setHeader(Handoff.REASON, "Scheduled run " + route + " failed; it runs again at its next schedule: "
                + (cause == null ? "no reason given" : cause instanceof ApiException ? cause.getMessage()
                        : cause.getClass().getSimpleName() + ": " + cause.getMessage()));
        in.removeHeader(Handoff.OWNER);
        in.removeHeader(Handoff.RECORD_ID);
    }

    /** After a run: when it succeeded, the open failure of this schedule is resolved. */
    public void finished(Exchange exchange) {
        if (exchange.getProperty(Exchange.EXCEPTION_CAUGHT) != null || exchange.getException() != null) {
            return;
        }
        String route = exchange.getFromRouteId();
        exceptions.resolveOpen(flowOf(exchange), keyOf(route), "the scheduled run succeeded again");
    }

    /** The key of a schedule's failure: {@code schedule:<route id>}. */
    public static String keyOf(String routeId) {
        return "schedule:" + routeId;
    }

    private static String flowOf(Exchange exchange) {
        Route route = exchange.getContext().getRoute(exchange.getFromRouteId());
        String flow = route == null ? null : FlowSwitch.flowOf(exchange.getContext(), route);
        return flow == null || flow.isBlank() ? exchange.getFromRouteId() : flow;
    }
}
