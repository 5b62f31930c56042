package io.cherrypick.flow.amend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import io.cherrypick.flow.order.PickOutcomes;
import io.cherrypick.flow.order.PickProblem;
import io.cherrypick.flow.order.SalesOrderFlow;
import io.cherrypick.flow.order.SalesOrderMapper;
import io.cherrypick.flow.order.SalesOrderMapper.MappedOrder;
import io.cherrypick.flow.order.SalesOrderProperties;
import io.cherrypick.flow.order.SalesOrderValidator;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.peoplevox.RowWriter;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.OutboxRow;
import io.cherrypick.store.OutboxStore;

/**
 * Applies changes to picks already in Peoplevox — quantities, lines, address, carrier, dates, cancellation — while the
 * warehouse has not started, and turns them into AFTER_CUTOFF exceptions for customer service and the warehouse once it
 * has. For a batch of changes: one GetData reads the orders' current Peoplevox status (OR clause, up to 100 orders);
 * changes before the cut-off go out in one SaveData for headers and one for lines; the status is read again after the
 * write, so a warehouse that moved past the cut-off in between is caught and reported too.
 */
@Component("salesOrderAmender")
public class AmendmentSender {
    private static final Logger log = LoggerFactory.getLogger(AmendmentSender.class);
    static final String CANCELLED = "Cancelled";

    private final OutboxStore outbox;
    private final ExceptionStore exceptions;
    private final OrderLifecycleStore lifecycle;
    private final SalesOrderValidator validator;
    private final SalesOrderMapper mapper;
    private final PickOutcomes outcomes;
    private final PeoplevoxClient peoplevox;
    private final JdbcMessageIdRepository applied;
    private final AmendmentProperties props;
    private final SalesOrderProperties orderProps;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final String instanceId;

    public AmendmentSender(OutboxStore outbox, ExceptionStore exceptions, OrderLifecycleStore lifecycle,
                           SalesOrderValidator validator, SalesOrderMapper mapper, PickOutcomes outcomes,
                           PeoplevoxClient peoplevox, @Qualifier("amendmentAppliedRevisions") JdbcMessageIdRepository applied,
                           AmendmentProperties props, SalesOrderProperties orderProps, TransactionTemplate tx,
                           ObjectMapper json, @Value("${cherrypick.instance-id}") String instanceId) {
        this.outbox = outbox;
        this.exceptions = exceptions;
        this.lifecycle = lifecycle;
        this.validator = validator;
        this.mapper = mapper;
        this.outcomes = outcomes;
        this.peoplevox = peoplevox;
        this.applied = applied;
        this.props = props;
        this.orderProps = orderProps;
        this.tx = tx;
        this.json = json;
        this.instanceId = instanceId;
    }

    /** A change to apply: the row, what Peoplevox holds, what Blue Cherry has now, and the difference. */
    record Change(OutboxRow row, boolean cancel, MappedOrder after, OrderDiff diff) {
        String pickNum() {
            return row.businessKey();
        }

        String describe() {
            return cancel ? "cancelled in Blue Cherry (ord_status " + after.header().get("Status") + ")" : diff.describe();
        }
    }

    public OutboxBatch claim(Exchange exchange) {
        return OutboxBatch.attach(exchange, SalesOrderFlow.CHANGE_FLOW, outbox.claim(SalesOrderFlow.CHANGE_FLOW, instanceId,
                orderProps.batchSize(), orderProps.staleClaimAfter()));
    }

    /** Applies the batch's changes; returns how many were applied in Peoplevox. */
    public int apply(OutboxBatch batch) {
        List<Change> changes = prepare(batch);
        if (changes.isEmpty()) {
            return 0;
        }
        Map<String, String> statusBefore = statuses(changes);
        List<Change> toWrite = new ArrayList<>();
        for (Change c : changes) {
            String status = statusBefore.get(c.pickNum());
            if (status == null) {
                outcomes.fail(batch, c.row(), Category.REJECTED, "Pick " + c.pickNum() + " changed in Blue Cherry ("
                        + c.describe() + ") but Peoplevox has no sales order " + c.pickNum());
            } else if (CANCELLED.equalsIgnoreCase(status)) {
                if (c.cancel()) {
                    recordApplied(batch, c, "already cancelled in Peoplevox");
                } else {
                    afterCutoff(batch, c, status, "the order is already cancelled in Peoplevox");
                }
            } else if (pastCutoff(status)) {
                afterCutoff(batch, c, status, "the warehouse has started (Peoplevox status " + status + ")");
            } else {
                toWrite.add(c);
            }
        }
        if (toWrite.isEmpty()) {
            return 0;
        }
        Map<Change, List<Map<String, String>>> headerRows = new LinkedHashMap<>();
        Map<Change, List<Map<String, String>>> lineRows = new LinkedHashMap<>();
        for (Change c : toWrite) {
            headerRows.put(c, List.of(headerRow(c)));
            if (!c.cancel()) {
                lineRows.put(c, c.diff().lineRows());
            }
        }
        RowWriter.Outcome<Change> headers = RowWriter.save(peoplevox, "Sales orders", headerRows, Change::pickNum);
        Map<Change, List<Map<String, String>>> linesOfSavedHeaders = new LinkedHashMap<>();
        headers.saved().stream().filter(lineRows::containsKey).forEach(c -> linesOfSavedHeaders.put(c, lineRows.get(c)));
        RowWriter.Outcome<Change> lines = RowWriter.save(peoplevox, "Sales order items", linesOfSavedHeaders, Change::pickNum);
        Map<Change, String> refused = new LinkedHashMap<>(headers.refused());
        refused.putAll(lines.refused());

        // the warehouse may have moved between our status read and our write: read again and report it
        Map<String, String> statusAfter = statuses(toWrite);
        int done = 0;
        for (Change c : toWrite) {
            String after = statusAfter.getOrDefault(c.pickNum(), statusBefore.get(c.pickNum()));
            if (pastCutoff(after) && !(c.cancel() && !refused.containsKey(c))) {
                afterCutoff(batch, c, after, "the warehouse moved to " + after + " while the change was being applied"
                        + (refused.containsKey(c) ? " and Peoplevox refused it: " + refused.get(c) : "; check the order in Peoplevox"));
            } else if (refused.containsKey(c)) {
                outcomes.fail(batch, c.row(), PickOutcomes.categoryOf(refused.get(c)), "Pick " + c.pickNum()
                        + " change refused by Peoplevox (" + c.describe() + "): " + refused.get(c));
            } else {
                recordApplied(batch, c, c.cancel() ? "cancelled in Peoplevox" : "amended in Peoplevox: " + c.describe());
                done++;
            }
        }
        return done;
    }

    /** Parses rows, settles the ones with nothing to do or invalid; returns the changes to look at. */
    private List<Change> prepare(OutboxBatch batch) {
        Map<String, JsonNode> picks = new LinkedHashMap<>();
        Map<String, OutboxRow> rows = new HashMap<>();
        List<Change> changes = new ArrayList<>();
        for (OutboxRow row : batch.rows()) {
            if (applied.contains(key(row))) {
                outbox.markSent(List.of(row.id()));
                batch.settle(row.id());
                continue;
            }
            Optional<OutboxRow> baseline = outbox.lastSent(List.of(SalesOrderFlow.FLOW, SalesOrderFlow.CHANGE_FLOW), row.businessKey());
            try {
                JsonNode pick = json.readTree(row.payload());
                if (baseline.isEmpty()) {
                    outcomes.fail(batch, row, Category.INTERNAL, "Pick " + row.businessKey()
                            + " change arrived but no revision of it was ever sent to Peoplevox");
                    continue;
                }
                MappedOrder before = mapper.map(row.businessKey(), baseline.get().revision(), json.readTree(baseline.get().payload()));
                if (orderProps.cancelledStatuses().contains(pick.path("ord_status").asText())) {
                    Map<String, String> marker = new LinkedHashMap<>(before.header());
                    marker.put("Status", pick.path("ord_status").asText());
                    changes.add(new Change(row, true, new MappedOrder(before.pickNum(), row.revision(), before.site(), marker,
                            before.lines()), null));
                    continue;
                }
                picks.put(row.businessKey(), pick);
                rows.put(row.businessKey(), row);
                changes.add(new Change(row, false, null, OrderDiff.between(before, mapper.map(row.businessKey(), row.revision(), pick))));
            } catch (Exception unreadable) {
                outcomes.hold(batch, row, Category.VALIDATION, "Pick " + row.businessKey() + ": stored payload is not readable ("
                        + unreadable.getMessage() + ")");
            }
        }
        Map<String, List<PickProblem>> problems = validator.validate(picks);
        List<Change> result = new ArrayList<>();
        for (Change c : changes) {
            List<PickProblem> found = problems.get(c.pickNum());
            if (found != null) {
                outcomes.hold(batch, c.row(), SalesOrderValidator.mainCategory(found), "Change to pick " + c.pickNum() + " cannot be applied: "
                        + found.stream().map(PickProblem::message).collect(Collectors.joining("; ")));
            } else if (!c.cancel() && c.diff().isEmpty()) {
                recordApplied(batch, c, null); // nothing Peoplevox would see changed
            } else {
                result.add(c);
            }
        }
        return result;
    }

    private Map<String, String> headerRow(Change c) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("SalesOrderNumber", c.pickNum());
        if (c.cancel()) {
            row.put("Status", CANCELLED);
        } else {
            c.diff().headerChanges().forEach((field, values) -> row.put(field, values[1]));
        }
        row.put(SalesOrderMapper.REVISION_FIELD, c.row().revision());
        return row;
    }

    private Map<String, String> statuses(List<Change> changes) {
        String clause = changes.stream().map(c -> "SalesOrderNumber.Equals(\"" + c.pickNum() + "\")").collect(Collectors.joining(" OR "));
        Map<String, String> statuses = new HashMap<>();
        peoplevox.getData("Sales orders", clause).rows().forEach(r -> statuses.put(r.get("SalesOrderNumber"), r.get("Status")));
        return statuses;
    }

    private boolean pastCutoff(String status) {
        return status != null && props.cutoffStatuses().stream().anyMatch(s -> s.equalsIgnoreCase(status));
    }

    private void afterCutoff(OutboxBatch batch, Change c, String status, String why) {
        outcomes.fail(batch, c.row(), Category.AFTER_CUTOFF, "Pick " + c.pickNum() + " changed in Blue Cherry after the cut-off ("
                + why + "); Peoplevox was not changed automatically. Customer service and the warehouse must agree what to do. Change: "
                + c.describe());
    }

    private void recordApplied(OutboxBatch batch, Change c, String note) {
        tx.executeWithoutResult(s -> {
            applied.add(key(c.row()));
            outbox.markSent(List.of(c.row().id()));
            exceptions.resolveOpen(SalesOrderFlow.CHANGE_FLOW, c.pickNum(), "change applied in Peoplevox");
            if (c.cancel()) {
                lifecycle.moveTo(c.pickNum(), LifecycleState.CANCELLED, note);
                lifecycle.flagException(c.pickNum(), false);
            } else {
                lifecycle.amended(c.pickNum(), c.row().revision(), note);
            }
        });
        batch.settle(c.row().id());
        if (note != null) {
            log.info("pick {}: {}", c.pickNum(), note);
        }
    }

    private static String key(OutboxRow row) {
        return row.businessKey() + ":" + row.revision();
    }
}
