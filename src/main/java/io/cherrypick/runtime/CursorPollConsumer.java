package io.cherrypick.runtime;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.handoff.Handoff;

/**
 * What the polls that read a system from a saved cursor share ({@code from: bluecherry:<resource>},
 * {@code from: peoplevox:report}): each record is routed inside the transaction that moves the cursor, a run that fails
 * becomes one dead letter keyed by the cursor, and the schedule is clustered Quartz.
 * <p>
 * On clustered Quartz the trigger fires on one instance of the cluster, so an instance may never run a given poll:
 * such a consumer is ready as soon as it is scheduled (Camel's consumer health check would otherwise report it DOWN
 * until its first local poll, and the instance would never be ready). A failing poll still turns the check DOWN.
 */
public abstract class CursorPollConsumer extends ScheduledPollConsumer {
    private static final Logger log = LoggerFactory.getLogger(CursorPollConsumer.class);

    private final ScheduledPollEndpoint endpoint;
    private ProducerTemplate template;
    private volatile boolean scheduled;

    protected CursorPollConsumer(ScheduledPollEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    /** The flow the records belong to (and the dead letter's). */
    protected abstract String flow();

    /** The saved cursor's name: the key of a stalled run's dead letter. */
    protected abstract String cursor();

    /** Where a stalled run is reported. */
    protected abstract String deadLetterUri();

    @Override
    protected void doStart() throws Exception {
        template = endpoint.getCamelContext().createProducerTemplate();
        RenamedRouteSchedules.claimFor(endpoint.getCamelContext(), endpoint.getSchedulerProperties(), getRouteId());
        super.doStart();
        scheduled = true;
        if ("quartz".equals(String.valueOf(endpoint.getScheduler()))) {
            forceConsumerAsReady();
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (!scheduled) {
            // a route of a switched-off flow never started: there is no schedule to take down (Camel's Quartz scheduler
            // would fail on the trigger it never made)
            return;
        }
        scheduled = false;
        super.doStop();
        if (template != null) {
            template.stop();
        }
    }

    /**
     * Routes one record (the exchange, body and headers set) inside the caller's transaction; a failure of the route is
     * thrown, so the transaction rolls back. Returns whether the route stored it anew (header {@code CherrypickStored},
     * {@code storedWhenUnsaid} when the route does not say).
     */
    protected boolean route(Exchange exchange, String what, boolean storedWhenUnsaid) {
        try {
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            Exception failure = exchange.getException() != null ? exchange.getException()
                    : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure != null) {
                throw new IllegalStateException("route " + getRouteId() + " failed for " + what + ": " + failure.getMessage(),
                        failure);
            }
            Boolean stored = exchange.getMessage().getHeader(Handoff.STORED, Boolean.class);
            return stored == null ? storedWhenUnsaid : stored;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /**
     * The run failed and changed nothing: one dead letter keyed by the cursor makes the stall visible (the category is
     * the fault's); {@code reason} says what failed and what happens next.
     */
    protected void stalled(Exception e, String reason) {
        Category category = e instanceof ApiException api && api.category() != null ? api.category() : Category.INTERNAL;
        String sentence = reason + ": "
                + (e instanceof ApiException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage());
        log.error("{}", sentence);
        deadLetter(cursor(), category, sentence, null);
    }

    /**
     * One record the run could not read (its neighbours go on): a dead letter under {@code key} keeping {@code payload}
     * as it came, so nothing is lost.
     */
    protected void refused(String key, Category category, String reason, String payload) {
        log.warn("{}", reason);
        deadLetter(key, category, reason, payload);
    }

    private void deadLetter(String key, Category category, String reason, String payload) {
        try {
            template.send(deadLetterUri(), x -> {
                x.getIn().setHeader(Handoff.FLOW, flow());
                x.getIn().setHeader(Handoff.ROUTE, getRouteId());
                x.getIn().setHeader(Handoff.RECORD_KEY, key);
                x.getIn().setHeader(Handoff.CATEGORY, category.name());
                x.getIn().setHeader(Handoff.REASON, reason);
                if (payload != null) {
                    x.getIn().setBody(payload);
                }
            });
        } catch (RuntimeException deadLetterFailed) {
            log.error("dead-letter route {} failed for {} ({}): {}", deadLetterUri(), key, cursor(),
                    deadLetterFailed.getMessage());
        }
    }
}
