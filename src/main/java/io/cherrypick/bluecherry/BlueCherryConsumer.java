package io.cherrypick.bluecherry;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.peoplevox.events.Hashing;
import io.cherrypick.runtime.CursorPollConsumer;

/**
 * Reads the records of a Blue Cherry resource changed since the persisted watermark ({@link IncrementalPull}: key-set
 * paging, equal {@code last_mod} values never lost at a page or run boundary) and routes each one as it is read,
 * inside the transaction that stores the page and advances the watermark: whatever the route writes (the hand-off) and
 * how far the pull got are committed together, or not at all. The body is the record as Blue Cherry sent it, parsed
 * (a Jackson {@code JsonNode}: {@code unmarshal: json} reads it into a typed record without printing and re-reading
 * it, and Camel converts it to JSON text wherever a step asks for text); headers name its key
 * ({@code CherrypickRecordKey}), revision ({@code CherrypickRevision} = its {@code last_mod}) and
 * pkey.
 * <p>
 * A run that fails with a transient fault is tried again in place ({@code retries}, doubling {@code retryDelay}); a
 * run that still fails becomes a dead letter keyed by the cursor (the stall is visible) and the next scheduled run
 * starts again from the watermark; the exception resolves itself when a run succeeds.
 */
public class BlueCherryConsumer extends CursorPollConsumer {
    private static final Logger log = LoggerFactory.getLogger(BlueCherryConsumer.class);

    private final BlueCherryEndpoint endpoint;

    public BlueCherryConsumer(BlueCherryEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected String flow() {
        return endpoint.getFlow();
    }

    @Override
    protected String cursor() {
        return endpoint.getCursor();
    }

    @Override
    protected String deadLetterUri() {
        return endpoint.getDeadLetterUri();
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
                endpoint.getKeyField(), endpoint.getOverlap(), new IncrementalPull.RecordHandler() {
                    @Override
                    public boolean take(JsonNode record, String key, String lastMod) {
                        return route(record, key, lastMod);
                    }

                    @Override
                    public void refuse(JsonNode record, String key, String problem) {
                        // kept as it came (Jackson writes control characters escaped), under a key that always fits
                        String text = record.toString();
                        refused(endpoint.getResource() + ":unreadable:" + Hashing.sha256Hex(text).substring(0, 12),
                                Category.VALIDATION, problem, text);
                    }
                });
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
        String business = record.path(endpoint.getKeyField()).asText("").trim();
        exchange.getIn().setBody(record);
        exchange.getIn().setHeader(Handoff.FLOW, endpoint.getFlow());
        exchange.getIn().setHeader(Handoff.RECORD_KEY, business.isEmpty() ? "pkey-" + key : business);
        exchange.getIn().setHeader(Handoff.REVISION, lastMod);
        exchange.getIn().setHeader(BlueCherry.RESOURCE, endpoint.getResource());
        exchange.getIn().setHeader(BlueCherry.PKEY, record.path("pkey").asText(key));
        return route(exchange, "Blue Cherry " + endpoint.getResource() + " record " + key, true);
    }

    /** The run failed for good: a dead letter keyed by the cursor makes the stall visible; the next run starts over. */
    private void stalled(Exception e) {
        stalled(e, "Pull " + endpoint.getCursor() + " of Blue Cherry " + endpoint.getResource() + " failed; it runs again"
                + " at its next schedule from the saved watermark");
    }
}
