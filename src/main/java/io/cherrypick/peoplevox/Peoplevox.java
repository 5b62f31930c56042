package io.cherrypick.peoplevox;

/** Message headers of the {@code peoplevox:} component. */
public final class Peoplevox {
    /** After a save: whether Peoplevox took every row of the record (false: refused; later parts are not sent). */
    public static final String SAVED = "PeoplevoxSaved";
    /**
     * After a save, on the exchange's message: how many of its records are refused, by this save or an earlier one
     * (0: Peoplevox took them all), so a route looks at the records one by one only when one was refused.
     */
    public static final String REFUSED_COUNT = "PeoplevoxRefusedCount";
    /** After a refused save: Peoplevox's own words about the record. */
    public static final String REFUSAL = "PeoplevoxRefusal";
    /** After a refused save: the exception category the refusal points at (SKU_MISMATCH, MISSING_WAREHOUSE, REJECTED). */
    public static final String REFUSAL_CATEGORY = "PeoplevoxRefusalCategory";
    /** After a save with lookBeforeResend: rows of the record Peoplevox already held (not sent again). */
    public static final String ALREADY_HELD = "PeoplevoxAlreadyHeld";
    /**
     * After a save with lookBeforeResend and revisionField: Peoplevox holds the record at a newer revision, so nothing of
     * it was sent (nor is by a later save of the exchange).
     */
    public static final String NEWER_HELD = "PeoplevoxNewerHeld";
    /** get and report: the search clause (overrides the endpoint's). */
    public static final String SEARCH_CLAUSE = "PeoplevoxSearchClause";
    /** subscribe: the event type; unsubscribe: the subscription id. */
    public static final String EVENT_TYPE = "PeoplevoxEventType";
    public static final String SUBSCRIPTION_ID = "PeoplevoxSubscriptionId";
    /** subscribe: the filter, the address Peoplevox posts to and the fields it posts. */
    public static final String EVENT_FILTER = "PeoplevoxEventFilter";
    public static final String POST_URL = "PeoplevoxPostUrl";
    public static final String POST_PARAMS = "PeoplevoxPostParams";

    private Peoplevox() {
    }
}
