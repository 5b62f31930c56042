package io.cherrypick.failure;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.cherrypick.handoff.Handoff;
import io.cherrypick.handoff.HandoffRecord;
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.NewException;

/**
 * What the one dead-letter route ({@code direct:dead-letter} in routes/error-handling.camel.yaml) does with a message:
 * records the exception (flow, record key, category, owner, the sentence, the record's stored payload) and settles the
 * hand-off record HELD or FAILED, in one transaction. Everything comes from {@link Handoff} headers, set by the
 * {@code handoff:} consumer or by the flow's route (category and reason).
 */
@Component("deadLetters")
public class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final ExceptionStore exceptions;
    private final HandoffStore handoff;
    private final TransactionTemplate tx;

    public DeadLetters(ExceptionStore exceptions, HandoffStore handoff, TransactionTemplate tx) {
        this.exceptions = exceptions;
        this.handoff = handoff;
        this.tx = tx;
    }

    /** Records the dead letter; returns the exception's id. */
    public long record(Exchange exchange) {
        Message in = exchange.getIn();
        String flow = required(in, Handoff.FLOW);
        String key = required(in, Handoff.RECORD_KEY);
        Category category = category(in.getHeader(Handoff.CATEGORY, String.class));
        String ownerName = in.getHeader(Handoff.OWNER, String.class);
        Owner owner = ownerName == null || ownerName.isBlank() ? category.defaultOwner() : Owner.valueOf(ownerName.trim());
        String reason = in.getHeader(Handoff.REASON, String.class);
        if (reason == null || reason.isBlank()) {
            Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            reason = flow + " " + key + ": " + (cause == null ? "failed (no reason given)" : cause.getMessage());
        }
        Long recordId = in.getHeader(Handoff.RECORD_ID, Long.class);
        String claim = in.getHeader(Handoff.CLAIM, String.class);
        String outcome = HandoffStore.HELD.equals(in.getHeader(Handoff.OUTCOME, String.class)) ? HandoffStore.HELD
                : HandoffStore.FAILED;
        String payload = recordId == null ? in.getBody(String.class)
                : handoff.find(recordId).map(HandoffRecord::payload).orElse(in.getBody(String.class));
        String sentence = reason;
        String route = in.getHeader(Handoff.ROUTE, exchange.getFromRouteId(), String.class);
        long id = tx.execute(status -> {
            long exceptionId = exceptions.record(new NewException(flow, route, key, category, owner,
                    sentence, payload, null, recordId));
            if (recordId != null && claim != null) {
                handoff.settle(List.of(recordId), claim, outcome, sentence);
            }
            return exceptionId;
        });
        log.warn("{} [{}]: {}", outcome.equals(HandoffStore.HELD) ? "held" : "dead letter", category, sentence);
        return id;
    }

    private static Category category(String name) {
        if (name == null || name.isBlank()) {
            return Category.INTERNAL;
        }
        try {
            return Category.valueOf(name.trim());
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("header " + Handoff.CATEGORY + " = '" + name + "' is not a category; use one of "
                    + java.util.Arrays.toString(Category.values()), unknown);
        }
    }

    private static String required(Message in, String header) {
        String value = in.getHeader(header, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a dead letter needs header " + header);
        }
        return value;
    }
}
