package io.cherrypick.handoff;

/**
 * Message headers of the hand-off, set on every record the {@code handoff:} consumer delivers and read by its producer,
 * the dead-letter route and the flows' routes. A route reads them as {@code ${header.CherrypickRecordKey}}.
 */
public final class Handoff {
    /** The flow the record belongs to (exceptions, metrics and the lifecycle are keyed by it). */
    public static final String FLOW = "CherrypickFlow";
    /** The route that took the record from its queue (recorded with its exceptions). */
    public static final String ROUTE = "CherrypickRoute";
    /** The hand-off queue the record was taken from. */
    public static final String QUEUE = "CherrypickQueue";
    /** The record's id in the hand-off table. */
    public static final String RECORD_ID = "CherrypickRecordId";
    /** The business key: pick number, despatch number, style, event key. */
    public static final String RECORD_KEY = "CherrypickRecordKey";
    /** The record's revision (Blue Cherry last_mod of a pick or a style); empty for events. */
    public static final String REVISION = "CherrypickRevision";
    /** The record's type, e.g. the Peoplevox event type. */
    public static final String RECORD_TYPE = "CherrypickRecordType";
    /** Earlier attempts that failed (0 on the first). */
    public static final String ATTEMPTS = "CherrypickAttempts";
    /** True when an earlier attempt may have reached the target: look there before sending again. */
    public static final String TRIED_BEFORE = "CherrypickTriedBefore";
    /** The claim under which the record is held; settling names it (fencing). */
    public static final String CLAIM = "CherrypickClaim";
    /** Set by a route step that deliberately does not send a record (with {@code stop}): recorded as the reason. */
    public static final String SKIP_REASON = "CherrypickSkipReason";
    /** Dead letters: the exception category (SKU_MISMATCH, VALIDATION, REJECTED, ...). */
    public static final String CATEGORY = "CherrypickCategory";
    /** Dead letters: the owning team, when not the category's default. */
    public static final String OWNER = "CherrypickOwner";
    /** Dead letters: the sentence naming the record and the field, for the people who fix it. */
    public static final String REASON = "CherrypickReason";
    /** Dead letters: HELD (fix the data and replay) or FAILED (the target refused it, or attempts ran out). */
    public static final String OUTCOME = "CherrypickOutcome";
    /** A note recorded with the record's final status. */
    public static final String NOTE = "CherrypickNote";
    /** Set by the producer's write: true when the record was new, false when that revision was stored already. */
    public static final String STORED = "CherrypickStored";
    /**
     * The key a record is remembered by once it went through (table CAMEL_MESSAGEPROCESSED, processor name = the
     * queue): set by a {@code handoff:} consumer with option {@code idempotent}, so that whichever {@code handoff:}
     * endpoint settles the record DONE remembers it (the settling endpoint's own options do not matter).
     */
    public static final String IDEMPOTENCY_KEY = "CherrypickIdempotencyKey";
    /** Set by the consumer: when the record was stored (e.g. when an event arrived). */
    public static final String CREATED_AT = "CherrypickCreatedAt";
    /** Read by the producer's write: the record is not claimed before this time (an Instant; default: at once). */
    public static final String DUE_AT = "CherrypickDueAt";

    private Handoff() {
    }

    /**
     * The records a message stands for: the list of messages of a batch (a hand-off consumer's, or what a split with
     * the handoffRecords strategy gathered), else the one record the exchange carries.
     */
    @SuppressWarnings("unchecked")
    public static java.util.List<org.apache.camel.Message> records(org.apache.camel.Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (body instanceof java.util.List<?> list && list.stream().allMatch(org.apache.camel.Message.class::isInstance)) {
            return (java.util.List<org.apache.camel.Message>) list;
        }
        return java.util.List.of(exchange.getIn());
    }
}
