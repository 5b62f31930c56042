package io.cherrypick.peoplevox;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;

/**
 * Peoplevox refused a call for its rate limit (HTTP 429 or 503, or a SOAP fault or a failed answer whose text matches
 * one of {@code cherrypick.peoplevox.rate-limit.refusal-patterns}): nothing of the call was done. A paced client waits
 * the cluster's back-off and sends the same call again; past {@code retry-for}, or unpaced, it is a transient
 * RATE_LIMITED fault that the flow retries later, never a record's refusal.
 */
public class RateLimitRefusal extends ApiException {
    public RateLimitRefusal(String message) {
        super(PeoplevoxClient.SYSTEM, Category.RATE_LIMITED, true, message, null);
    }
}
