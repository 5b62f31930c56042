package io.cherrypick.flow.order;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.failure.Category;
import io.cherrypick.flow.OutboxBatch;
import io.cherrypick.flow.order.SalesOrderMapper.MappedOrder;
import io.cherrypick.peoplevox.CsvTable;
import io.cherrypick.peoplevox.RowWriter;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.NewException;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.OutboxRow;
import io.cherrypick.store.OutboxStore;

/**
 * Sends queued picks to Peoplevox as sales orders, up to 100 per SaveData call (headers, then the lines of the headers
 * Peoplevox accepted), and records each pick's outcome from the per-row {@code Statuses}.
 * <p>
 * Exactly once: a pick revision is marked in Camel's JDBC idempotent repository (key {@code pick:revision}) in the same
 * transaction that marks it sent, and checked before sending. A row whose earlier attempt broke off (a timeout, or a
 * claim that expired because its instance stopped mid-send) is first looked up in Peoplevox: if Peoplevox holds that
 * revision with all its lines, it is recorded as sent without sending it again.
 */
@Component("salesOrderSender")
public class SalesOrderSender {
    private static final Logger log = LoggerFactory.getLogger(SalesOrderSender.class);
    static final String ORDERS = "Sales orders";
    static final String LINES = "Sales order items";

    private final OutboxStore outbox;
    private final ExceptionStore exceptions;
    private final OrderLifecycleStore lifecycle;
    private final SalesOrderValidator validator;
    private final PickOutcomes outcomes;
    private final SalesOrderMapper mapper;
    private final PeoplevoxClient peoplevox;
    private final JdbcMessageIdRepository sentRevisions;
    private final SalesOrderProperties props;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final String instanceId;

    public SalesOrderSender(OutboxStore outbox, ExceptionStore exceptions, OrderLifecycleStore lifecycle,
                            SalesOrderValidator validator, PickOutcomes outcomes, SalesOrderMapper mapper, PeoplevoxClient peoplevox,
                            @Qualifier("salesOrderSentRevisions") JdbcMessageIdRepository sentRevisions,
                            SalesOrderProperties props, TransactionTemplate tx, ObjectMapper json,
                            @Value("${cherrypick.instance-id}") String instanceId) {
        this.outbox = outbox;
        this.exceptions = exceptions;
        this.lifecycle = lifecycle;
        this.validator = validator;
        this.outcomes = outcomes;
        this.mapper = mapper;
        this.peoplevox = peoplevox;
        this.sentRevisions = sentRevisions;
        this.props = props;
        this.tx = tx;
        this.json = json;
        this.instanceId = instanceId;
    }

    /** A claimed row ready to send, with its mapping. */
    public record ReadyOrder(OutboxRow row, MappedOrder order) {
    }

    /** Claims up to one SaveData's worth of queued picks; an empty claim tells the scheduler there was nothing to do. */
    public OutboxBatch claim(Exchange exchange) {
        return OutboxBatch.attach(exchange, SalesOrderFlow.FLOW,
                outbox.claim(SalesOrderFlow.FLOW, instanceId, props.batchSize(), props.staleClaimAfter(), props.batchLinger()));
    }

    /** Settles picks that were already sent or cannot be sent (held with an exception); returns the rest, mapped. */
    public List<ReadyOrder> holdInvalid(OutboxBatch batch) {
        Map<String, JsonNode> picks = new LinkedHashMap<>();
        Map<String, OutboxRow> rows = new HashMap<>();
        for (OutboxRow row : batch.rows()) {
            if (sentRevisions.contains(idempotencyKey(row))) {
                log.info("pick {} revision {} was already sent to Peoplevox; not sending it again", row.businessKey(), row.revision());
                outbox.markSent(List.of(row.id()));
                batch.settle(row.id());
                continue;
            }
            try {
                picks.put(row.businessKey(), json.readTree(row.payload()));
                rows.put(row.businessKey(), row);
            } catch (Exception unreadable) {
                hold(batch, row, List.of(new PickProblem(Category.VALIDATION, "Pick " + row.businessKey()
                        + ": stored payload is not readable JSON (" + unreadable.getMessage() + ")")));
            }
        }
        Map<String, List<PickProblem>> problems = validator.validate(picks);
        List<ReadyOrder> ready = new ArrayList<>();
        picks.forEach((pickNum, pick) -> {
            OutboxRow row = rows.get(pickNum);
            if (problems.containsKey(pickNum)) {
                hold(batch, row, problems.get(pickNum));
            } else {
                ready.add(new ReadyOrder(row, mapper.map(pickNum, row.revision(), pick)));
            }
        });
        return ready;
    }

    /** Sends the ready picks and records every outcome. Returns how many Peoplevox acknowledged. */
    public int send(List<ReadyOrder> ready, Exchange exchange) {
        OutboxBatch batch = exchange.getProperty(OutboxBatch.PROPERTY, OutboxBatch.class);
        if (ready.isEmpty()) {
            return 0;
        }
        List<ReadyOrder> toSend = new ArrayList<>();
        // a row whose earlier attempt broke off (timeout, crash) may already be in Peoplevox: look before sending again
        List<ReadyOrder> alreadyThere = alreadyInPeoplevox(ready.stream()
                .filter(r -> r.row().recovered() || r.row().attempts() > 0).toList());
        for (ReadyOrder r : ready) {
            if (!alreadyThere.contains(r)) {
                toSend.add(r);
            }
        }
        List<ReadyOrder> acknowledged = new ArrayList<>(alreadyThere);
        if (!toSend.isEmpty()) {
            RowWriter.Outcome<ReadyOrder> headers = RowWriter.save(peoplevox, ORDERS,
                    rowsOf(toSend, r -> List.of(r.order().header())), r -> r.order().pickNum());
            RowWriter.Outcome<ReadyOrder> lines = RowWriter.save(peoplevox, LINES,
                    rowsOf(headers.saved(), r -> r.order().lines()), r -> r.order().pickNum());
            acknowledged.addAll(lines.saved());
            headers.refused().forEach((r, message) -> reject(batch, r, message, false));
            lines.refused().forEach((r, message) -> reject(batch, r, message, true));
        }
        recordSent(batch, acknowledged);
        return acknowledged.size();
    }

    private static Map<ReadyOrder, List<Map<String, String>>> rowsOf(List<ReadyOrder> orders,
                                                                    java.util.function.Function<ReadyOrder, List<Map<String, String>>> rows) {
        Map<ReadyOrder, List<Map<String, String>>> out = new LinkedHashMap<>();
        orders.forEach(o -> out.put(o, rows.apply(o)));
        return out;
    }

    /** Of the rows whose earlier attempt broke off, those Peoplevox already holds at the same revision with every line. */
    private List<ReadyOrder> alreadyInPeoplevox(List<ReadyOrder> recovered) {
        if (recovered.isEmpty()) {
            return List.of();
        }
        String clause = recovered.stream().map(r -> "SalesOrderNumber.Equals(\"" + r.order().pickNum() + "\")")
                .collect(Collectors.joining(" OR "));
        Map<String, String> revisions = new HashMap<>();
        peoplevox.getData(ORDERS, clause).rows()
                .forEach(row -> revisions.put(row.get("SalesOrderNumber"), row.get(SalesOrderMapper.REVISION_FIELD)));
        List<ReadyOrder> sameRevision = recovered.stream()
                .filter(r -> r.order().revision().equals(revisions.get(r.order().pickNum()))).toList();
        if (sameRevision.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> linesHeld = new HashMap<>();
        peoplevox.getData(LINES, clause).rows().forEach(row -> linesHeld
                .computeIfAbsent(row.get("SalesOrderNumber"), k -> new java.util.HashSet<>()).add(row.get("Line")));
        List<ReadyOrder> complete = sameRevision.stream().filter(r -> r.order().lines().stream()
                .allMatch(l -> linesHeld.getOrDefault(r.order().pickNum(), Set.of()).contains(l.get("Line")))).toList();
        complete.forEach(r -> log.info("pick {} revision {} is already in Peoplevox (sent before a restart); not sending it again",
                r.order().pickNum(), r.order().revision()));
        return complete;
    }

    private void recordSent(OutboxBatch batch, List<ReadyOrder> acknowledged) {
        if (acknowledged.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            Map<String, String> sites = new HashMap<>();
            Map<String, String> revisions = new HashMap<>();
            for (ReadyOrder r : acknowledged) {
                sentRevisions.add(idempotencyKey(r.row()));
                sites.put(r.order().pickNum(), r.order().site());
                revisions.put(r.order().pickNum(), r.order().revision());
            }
            exceptions.resolveOpen(SalesOrderFlow.FLOW, sites.keySet(), "released to Peoplevox");
            outbox.markSent(acknowledged.stream().map(r -> r.row().id()).toList());
            lifecycle.acknowledged(sites.keySet(), sites, revisions);
        });
        acknowledged.forEach(r -> batch.settle(r.row().id()));
        log.info("{} order(s) released to Peoplevox and acknowledged", acknowledged.size());
    }

    private void hold(OutboxBatch batch, OutboxRow row, List<PickProblem> problems) {
        outcomes.hold(batch, row, SalesOrderValidator.mainCategory(problems),
                problems.stream().map(PickProblem::message).collect(Collectors.joining("; ")));
    }

    private void reject(OutboxBatch batch, ReadyOrder r, String peoplevoxMessage, boolean headerSaved) {
        String message = "Pick " + r.order().pickNum() + " refused by Peoplevox: " + peoplevoxMessage
                + (headerSaved ? " (the order header was saved without these lines; a replay sends them again)" : "");
        outcomes.fail(batch, r.row(), PickOutcomes.categoryOf(peoplevoxMessage), message);
    }

    static String idempotencyKey(OutboxRow row) {
        return row.businessKey() + ":" + row.revision();
    }
}
