package io.cherrypick.peoplevox;

/**
 * Keeps Cherrypick's Peoplevox calls within the tenant's rate limit. Every call asks for a {@link Permit} first (which
 * may wait) and closes it when the call has ended, answer or not; a call Peoplevox refused for the rate limit is
 * reported with {@link #refused}, so that every caller sharing the budget waits the back-off out.
 * <p>
 * {@link SharedPacingBudget} is the one budget of a cluster (in the database); {@link RateLimiter} is one JVM's own.
 */
public interface Pacer {
    /** Waits until a call may go (a free slot of the budget, no back-off running) and takes its slot. */
    Permit acquire() throws InterruptedException;

    /** Peoplevox refused a call for the rate limit: no call goes until the back-off has passed. */
    void refused(String reason);

    /** One call's slot: closed when the call has ended; the slot stays taken for a period from then. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
