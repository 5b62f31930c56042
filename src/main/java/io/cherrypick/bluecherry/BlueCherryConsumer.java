package io.cherrypick.bluecherry;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.runtime.RenamedRouteSchedules;

/**
 * Reads the records of a Blue Cherry resource changed since the persisted watermark ({@link IncrementalPull}: key-set
 * paging, equal {@code last_mod} values never lost at a page or run boundary) and routes each one as it is read,
 * inside the transaction that stores the page and advances the watermark: whatever the route writes (the hand-off) and
 * how far the pull got are committed together, or not at all. The body is the record as Blue Cherry sent it (JSON);
 * headers name its key ({@code CherrypickRecordKey}), revision ({@code CherrypickRevision} = its {@code last_mod}) and
 * pkey.
 * <p>
 * A run that fails with a transient fault is tried again in place ({@code retries}, doubling {@code retryDelay}); a
 * run that still fails becomes a dead letter keyed by the cursor (the stall is visible) and the next scheduled run
 * starts again from the watermark; the exception resolves itself when a run succeeds.
 */
public class BlueCherryConsumer extends ScheduledPollConsumer {
    private static final Logger log = LoggerFactory.getLogger(BlueCherryConsumer.class);

    private final BlueCherryEndpoint endpoint;
    private ProducerTemplate template;
    private volatile boolean scheduled;

    public BlueCherryConsumer(BlueCherryEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        template = endpoint.getCamelContext().createProducerTemplate();
        RenamedRouteSchedules.claimFor(endpoint.getCamelContext(), endpoint.getSchedulerProperties(), getRouteId());
        super.doStart();
        scheduled = true;
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

    @Override
    protected int poll() throws Exception {
        long delay = endpoint.getRetryDelay().toMillis();
        for (int attempt = 0; ; attempt++) {
            try {
                return pullOnce();
            } catch (ApiException e) {
                if (!e.isTransient() || attempt >= endpoint.getRetries()) {
                    stalled(e);
                    return 0;
                }
                log.warn("pull {} from Blue Cherry {} failed (attempt {} of {}), trying again in {} ms: {}",
                        endpoint.getCursor(), endpoint.getResource(), attempt + 1, endpoint.getRetries() + 1, delay,
                        e.getMessage());
                Thread.sleep(delay);
                delay *= 2;
            } catch (RuntimeException e) {
                stalled(e);
                return 0;
            }
        }
    }

    private int pullOnce() {
        IncrementalPull.Result result = endpoint.getComponent().pull().pull(endpoint.getResource(), endpoint.getCursor(),
                endpoint.getKeyField(), this::route);
        endpoint.getComponent().exceptions().resolveOpen(endpoint.getFlow(), endpoint.getCursor(), "the pull succeeded again");
        if (result.taken() > 0) {
            log.info("pulled {} new record(s) of Blue Cherry {} ({}); watermark now {}", result.taken(), endpoint.getResource(),
                    endpoint.getCursor(), result.watermark());
        }
        return result.taken();
    }

    /** Routes one record inside the page's transaction; a failure rolls the page back. Returns whether it was new. */
    private boolean route(JsonNode record, String key, String lastMod) {
        Exchange exchange = createExchange(false);
        try {
            String business = record.path(endpoint.getKeyField()).asText("").trim();
            exchange.getIn().setBody(record.toString());
            exchange.getIn().setHeader(Handoff.FLOW, endpoint.getFlow());
            exchange.getIn().setHeader(Handoff.RECORD_KEY, business.isEmpty() ? "pkey-" + key : business);
            exchange.getIn().setHeader(Handoff.REVISION, lastMod);
            exchange.getIn().setHeader(BlueCherry.RESOURCE, endpoint.getResource());
            exchange.getIn().setHeader(BlueCherry.PKEY, record.path("pkey").asText(key));
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            Exception failure = exchange.getException() != null ? exchange.getException()
                    : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            if (failure != null) {
                throw failure instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("route " + getRouteId() + " failed for Blue Cherry " + endpoint.getResource()
                                + " record " + key + ": " + failure.getMessage(), failure);
            }
            Boolean stored = exchange.getMessage().getHeader(Handoff.STORED, Boolean.class);
            return stored == null || stored;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** The run failed for good: a dead letter keyed by the cursor makes the stall visible; the next run starts over. */
    private void stalled(Exception e) {
        Category category = e instanceof ApiException api && api.category() != null ? api.category() : Category.INTERNAL;
        String reason = "Pull " + endpoint.getCursor() + " of Blue Cherry " + endpoint.getResource() + " failed; it runs again"
                + " at its next schedule from the saved watermark: "
                + (e instanceof ApiException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage());
        log.error("{}", reason);
        try {
            template.send(endpoint.getDeadLetterUri(), x -> {
                x.getIn().setHeader(Handoff.FLOW, endpoint.getFlow());
                x.getIn().setHeader(Handoff.ROUTE, getRouteId());
                x.getIn().setHeader(Handoff.RECORD_KEY, endpoint.getCursor());
                x.getIn().setHeader(Handoff.CATEGORY, category.name());
                x.getIn().setHeader(Handoff.REASON, reason);
            });
        } catch (RuntimeException deadLetterFailed) {
            log.error("dead-letter route {} failed for the stalled pull {}: {}", endpoint.getDeadLetterUri(),
                    endpoint.getCursor(), deadLetterFailed.getMessage());
        }
    }
}
