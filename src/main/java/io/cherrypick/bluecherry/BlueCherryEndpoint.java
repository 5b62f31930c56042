package io.cherrypick.bluecherry;

import java.time.Duration;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * CGS Blue Cherry's REST API: read a resource after a last_mod watermark, each record routed in the transaction that
 * moves the watermark (consumer); post documents or read records (producer).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "bluecherry", title = "Blue Cherry", syntax = "bluecherry:resource",
             category = {Category.SAAS}, headersClass = BlueCherry.class)
public class BlueCherryEndpoint extends ScheduledPollEndpoint {
    /** What the producer does. */
    public enum Operation {
        /** POST the body (a document or an array of them); the pkey Blue Cherry assigned goes in header BlueCherryPkey. */
        post,
        /** GET every record matching the filter; the body becomes the list of records. */
        get
    }

    @UriPath(description = "The resource after /api/, e.g. pick, style, OrderShipment")
    @Metadata(required = true)
    private final String resource;

    @UriParam(label = "consumer", description = "The name the watermark is kept under (table sync_cursor); it survives"
            + " renaming the route")
    private String cursor;

    @UriParam(label = "consumer", defaultValue = "pkey", description = "The field holding the record's business key"
            + " (header CherrypickRecordKey); a record without one is keyed pkey-<pkey>")
    private String keyField = "pkey";

    @UriParam(label = "consumer", description = "The flow the pull belongs to, for the exception that shows a stalled"
            + " pull (default: the cursor)")
    private String flow;

    @UriParam(label = "consumer", defaultValue = "3", description = "A run that fails with a transient fault (timeout,"
            + " 5xx) is tried again this many times, waiting retryDelay and doubling, before it waits for the next schedule")
    private int retries = 3;

    @UriParam(label = "consumer", defaultValue = "1s", description = "The first wait before a failed run is tried again")
    private Duration retryDelay = Duration.ofSeconds(1);

    @UriParam(label = "consumer", defaultValue = "2m", description = "How far behind the watermark each run looks again, for"
            + " records committed late or stamped by a Blue Cherry server whose clock runs behind: each record is read a"
            + " second time once it is this old; 0 switches the look behind off")
    private Duration overlap = Duration.ofMinutes(2);

    @UriParam(label = "consumer", defaultValue = "direct:dead-letter", description = "Where a run that still fails goes,"
            + " so the stall shows as an exception (the next run starts again from the watermark)")
    private String deadLetterUri = "direct:dead-letter";

    @UriParam(label = "producer", defaultValue = "post", description = "post a document, or get records")
    private Operation operation = Operation.post;

    @UriParam(label = "producer", description = "get: the $filter expression (header BlueCherryFilter overrides it)")
    private String filter;

    public BlueCherryEndpoint(String uri, BlueCherryComponent component, String resource) {
        super(uri, component);
        this.resource = resource;
    }

    @Override
    public BlueCherryComponent getComponent() {
        return (BlueCherryComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new BlueCherryProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (cursor == null || cursor.isBlank()) {
            throw new IllegalArgumentException("from: bluecherry:" + resource + " needs option cursor (the name its"
                    + " watermark is kept under, e.g. sales-order-pull)");
        }
        BlueCherryConsumer consumer = new BlueCherryConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public String getResource() {
        return resource;
    }

    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }

    public String getKeyField() {
        return keyField;
    }

    public void setKeyField(String keyField) {
        this.keyField = keyField;
    }

    public String getFlow() {
        return flow == null || flow.isBlank() ? cursor : flow;
    }

    public void setFlow(String flow) {
        this.flow = flow;
    }

    public int getRetries() {
        return retries;
    }

    public void setRetries(int retries) {
        this.retries = retries;
    }

    public Duration getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay;
    }

    public Duration getOverlap() {
        return overlap;
    }

    public void setOverlap(Duration overlap) {
        this.overlap = overlap;
    }

    public String getDeadLetterUri() {
        return deadLetterUri;
    }

    public void setDeadLetterUri(String deadLetterUri) {
        this.deadLetterUri = deadLetterUri;
    }

    public Operation getOperation() {
        return operation;
    }

    public void setOperation(Operation operation) {
        this.operation = operation;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }
}
