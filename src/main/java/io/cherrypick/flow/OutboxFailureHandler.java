package io.cherrypick.flow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.NewException;
import io.cherrypick.store.OutboxRow;
import io.cherrypick.store.OutboxStore;

/**
 * Where a sender run that broke off ends up (called from the {@code routeConfiguration} in routes/): every unsettled row
 * is either queued again with exponential backoff (transient fault, attempts left) or becomes an exception with its
 * payload (attempts exhausted, or a fault no retry can fix). Nothing stays claimed, nothing is dropped.
 */
@Component("outboxFailures")
public class OutboxFailureHandler {
    private static final Logger log = LoggerFactory.getLogger(OutboxFailureHandler.class);

    private final OutboxStore outbox;
    private final ExceptionStore exceptions;
    private final Map<String, OutboxFlow> flows;
    private final Map<String, RetryPolicy> policies;

    public OutboxFailureHandler(OutboxStore outbox, ExceptionStore exceptions, List<OutboxFlow> flows,
                                List<FlowRetryPolicy> policies) {
        this.outbox = outbox;
        this.exceptions = exceptions;
        this.flows = flows.stream().collect(Collectors.toMap(OutboxFlow::flow, Function.identity()));
        this.policies = policies.stream().collect(Collectors.toMap(FlowRetryPolicy::flow, FlowRetryPolicy::policy));
    }

    /** A flow's retry policy, registered as a bean by the flow. */
    public record FlowRetryPolicy(String flow, RetryPolicy policy) {
    }

    public void onFailure(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        OutboxBatch batch = exchange.getProperty(OutboxBatch.PROPERTY, OutboxBatch.class);
        if (batch == null) {
            // a pull or poll: the next run starts again from the persisted cursor; the exception makes the stall visible
            String routeId = exchange.getFromRouteId();
            Category category = cause instanceof ApiException api ? api.category() : Category.INTERNAL;
            exceptions.record(NewException.of(routeId, routeId, routeId, category,
                    "Route " + routeId + " failed; it runs again at its next schedule: " + describe(cause), null, null));
            log.error("route {} failed: {}", routeId, describe(cause));
            return;
        }
        for (OutboxRow row : batch.unsettled()) {
            fail(batch.flow(), row, cause);
            batch.settle(row.id());
        }
    }

    /** Records one failed attempt of a row: queued again while attempts remain and the fault is transient. */
    public void fail(String flow, OutboxRow row, Throwable cause) {
        RetryPolicy policy = policies.getOrDefault(flow, new RetryPolicy(5, java.time.Duration.ofSeconds(5)));
        int attempts = row.attempts() + 1;
        boolean retryable = cause instanceof ApiException api && api.isTransient();
        String message = describe(cause);
        if (retryable && !policy.exhausted(attempts)) {
            Instant next = policy.nextAttempt(attempts, Instant.now());
            log.warn("{} {} attempt {}/{} failed, retrying at {}: {}", flow, row.businessKey(), attempts,
                    policy.maxAttempts(), next, message);
            outbox.reschedule(row.id(), attempts, next, message);
            return;
        }
        Category category = cause instanceof ApiException api ? api.category() : Category.INTERNAL;
        String sentence = flow + " " + row.businessKey() + " (revision " + row.revision() + ") could not be sent after "
                + attempts + " attempt(s): " + message;
        OutboxFlow owner = flows.get(flow);
        exceptions.record(NewException.of(flow, owner == null ? null : owner.routeId(), row.businessKey(), category,
                sentence, row.payload(), row.id()));
        outbox.markFailed(row.id(), message);
        if (owner != null) {
            owner.onGivenUp(row, category, sentence);
        }
        log.error("{}", sentence);
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown failure";
        }
        return cause instanceof ApiException ? cause.getMessage() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
