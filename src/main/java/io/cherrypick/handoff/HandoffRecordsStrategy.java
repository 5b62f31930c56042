package io.cherrypick.handoff;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The aggregation strategy of a {@code split} over a hand-off batch (bean {@code handoffRecords}): gathers the records
 * that came through the split's steps into a list of messages again (body and headers of each, for the next step,
 * e.g. {@code to: peoplevox:save}), and notes on the batch which record failed in its own steps (it is retried or
 * dead-lettered alone; its neighbours go on) and which a step stopped on purpose (skipped, with header
 * {@link Handoff#SKIP_REASON} as the reason). The result is always a list, empty when no record came through.
 */
@org.springframework.stereotype.Component("handoffRecords")
public class HandoffRecordsStrategy implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        return aggregate(oldExchange, newExchange, null);
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange, Exchange inputExchange) {
        Exchange result = oldExchange;
        if (result == null) {
            Exchange base = inputExchange != null ? inputExchange : newExchange;
            result = base.copy();
            result.setException(null);
            result.removeProperty(Exchange.EXCEPTION_CAUGHT);
            result.setRouteStop(false);
            result.getIn().setBody(new ArrayList<Message>());
        }
        if (newExchange == null) {
            return result;
        }
        HandoffBatch batch = inputExchange == null ? null : inputExchange.getProperty(HandoffBatch.PROPERTY, HandoffBatch.class);
        Long id = newExchange.getIn().getHeader(Handoff.RECORD_ID, Long.class);
        Throwable failure = newExchange.getException() != null ? newExchange.getException()
                : newExchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure != null) {
            if (batch != null && id != null) {
                batch.failed(id, failure);
            }
        } else if (newExchange.isRouteStop()) {
            if (batch != null && id != null) {
                batch.skipped(id, newExchange.getIn().getHeader(Handoff.SKIP_REASON, String.class));
            }
        } else {
            survivors(result).add(newExchange.getMessage().copy());
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Message> survivors(Exchange result) {
        return (List<Message>) result.getIn().getBody(List.class);
    }
}
