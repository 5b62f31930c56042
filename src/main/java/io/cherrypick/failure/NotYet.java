package io.cherrypick.failure;

/**
 * A record that cannot go yet, for a reason expected to pass by itself: a second read of a report must agree with the
 * first, another flow must record its own step first, a report must show what an event announced. Not a fault: the
 * hand-off reads the record again after the queue's backoff and logs a wait, not a failure. Each wait counts as an
 * attempt, so a record still waiting when its attempts (or time budget) run out becomes an exception with this
 * message and category, like any other.
 */
public class NotYet extends ApiException {
    public NotYet(String system, Category category, String message) {
        super(system, category, true, message, null);
    }
}
