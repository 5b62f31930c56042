package io.cherrypick.peoplevox;

/**
 * Told of every call the Peoplevox client made, as it completes, with the outcome it was timed under
 * ({@code cherrypick.api.requests}: ok, refused, timeout, rate_limited, auth, error). The console keeps calls per minute
 * in the database with it. A listener must be quick and must not throw (what it throws is logged and ignored: a call is
 * never failed by its listener).
 */
@FunctionalInterface
public interface PeoplevoxCallListener {
    void called(String operation, String outcome);
}
