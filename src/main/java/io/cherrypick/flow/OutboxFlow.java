package io.cherrypick.flow;

import io.cherrypick.failure.Category;
import io.cherrypick.store.OutboxRow;

/** A flow that sends from the outbox tells the shared failure handling what a given-up row means for its records. */
public interface OutboxFlow {
    /** The outbox flow name, e.g. {@code sales-order}. */
    String flow();

    /** The route that sends this flow's rows (recorded on exceptions). */
    String routeId();

    /** Called after a row was given up and became an exception, e.g. to flag the order's lifecycle. */
    void onGivenUp(OutboxRow row, Category category, String message);

    /** Called when an operator replays a row, before it is queued again. */
    default void onReplay(OutboxRow row) {
    }
}
