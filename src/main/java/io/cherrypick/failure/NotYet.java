package io.cherrypick.failure;

/**
 * A record that cannot go yet, for a reason expected to pass by itself: a second read of a report must agree with the
 * first, another flow must record its own step first, a report must show what an event announced. Not a fault: the
 * hand-off reads the record again after the queue's backoff and logs a wait, not a failure. A wait counts as an
 * attempt, so a record still waiting when its attempts (or time budget) run out becomes an exception with this message
 * and category, like any other; a wait for another of Cherrypick's flows ({@link #forFlow}) counts no attempt, only the
 * time budget (cherrypick.handoff.retry-for): that flow is sure to move on (or to show its own exception), and a record
 * must not become an exception because that flow is slow.
 */
public class NotYet extends ApiException {
    private final boolean attemptCounted;

    public NotYet(String system, Category category, String message) {
        this(system, category, message, true);
    }

    private NotYet(String system, Category category, String message, boolean attemptCounted) {
        super(system, category, true, message, null);
        this.attemptCounted = attemptCounted;
    }

    /** A wait for another of Cherrypick's flows to record its step (the order flow its send): no attempt counted. */
    public static NotYet forFlow(Category category, String message) {
        return new NotYet("cherrypick", category, message, false);
    }

    /** False for a wait for another flow: the record keeps its attempts, and only the time budget can end the wait. */
    public boolean attemptCounted() {
        return attemptCounted;
    }
}
