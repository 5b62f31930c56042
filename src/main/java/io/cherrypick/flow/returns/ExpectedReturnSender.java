package io.cherrypick.flow.returns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.failure.Category;
import io.cherrypick.flow.OutboxBatch;
import io.cherrypick.peoplevox.PeoplevoxProducer;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.peoplevox.RowWriter;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.NewException;
import io.cherrypick.store.OrderLifecycle;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.OutboxRow;
import io.cherrypick.store.OutboxStore;
import io.cherrypick.store.ValueMappingStore;

/**
 * Sends queued return authorisations to Peoplevox as expected returns: at most {@value #MAX_ROWS} rows per SaveData
 * (several RAs per call), and records each RA's outcome from the per-row {@code Statuses}.
 * <p>
 * An RA Peoplevox cannot take is held with an exception before any call: its pick was not sent to Peoplevox by the
 * order flow (Peoplevox would not know the sales order), a line has no ItemCode or no quantity, or no site is known. A
 * refusal by Peoplevox fails the RA with Peoplevox's words. Resending is harmless: the template is an upsert keyed by
 * RMA number + item.
 */
@Component("expectedReturnSender")
public class ExpectedReturnSender {
    static final int MAX_ROWS = 100;
    private static final Logger log = LoggerFactory.getLogger(ExpectedReturnSender.class);

    private final OutboxStore outbox;
    private final ExceptionStore exceptions;
    private final ReturnStore store;
    private final AuthorisationReader reader;
    private final ExpectedReturnMapper mapper;
    private final OrderLifecycleStore orders;
    private final ValueMappingStore mappings;
    private final PeoplevoxClient peoplevox;
    private final ReturnsProperties props;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final String instanceId;

    public ExpectedReturnSender(OutboxStore outbox, ExceptionStore exceptions, ReturnStore store, AuthorisationReader reader,
                                ExpectedReturnMapper mapper, OrderLifecycleStore orders, ValueMappingStore mappings,
                                PeoplevoxClient peoplevox, ReturnsProperties props, TransactionTemplate tx, ObjectMapper json,
                                @Value("${cherrypick.instance-id}") String instanceId) {
        this.outbox = outbox;
        this.exceptions = exceptions;
        this.store = store;
        this.reader = reader;
        this.mapper = mapper;
        this.orders = orders;
        this.mappings = mappings;
        this.peoplevox = peoplevox;
        this.props = props;
        this.tx = tx;
        this.json = json;
        this.instanceId = instanceId;
    }

    /** An RA ready to send: its outbox row and its Peoplevox rows. */
    public record ReadyReturn(OutboxRow row, String raNum, String pickNum, int units, List<Map<String, String>> rows) {
    }

    public OutboxBatch claim(Exchange exchange) {
        return OutboxBatch.attach(exchange, ReturnsFlow.AUTHORISATION_FLOW, outbox.claim(ReturnsFlow.AUTHORISATION_FLOW,
                instanceId, props.batchSize(), props.staleClaimAfter()));
    }

    /** Holds the RAs Peoplevox cannot take (exception with the RA); returns the rest with their rows. */
    public List<ReadyReturn> holdInvalid(OutboxBatch batch) {
        List<ReadyReturn> ready = new ArrayList<>();
        for (OutboxRow row : batch.rows()) {
            JsonNode ra;
            try {
                ra = json.readTree(row.payload());
            } catch (Exception unreadable) {
                hold(batch, row, Category.VALIDATION, "RA " + row.businessKey() + ": stored payload is not readable JSON ("
                        + unreadable.getMessage() + ")");
                continue;
            }
            String raNum = row.businessKey();
            Optional<OrderLifecycle> pick = pickOf(ra);
            if (pick.isEmpty() || pick.get().revisionSent() == null) {
                hold(batch, row, Category.VALIDATION, "RA " + raNum + ": " + describeMissingPick(ra, pick)
                        + ", so Peoplevox has no sales order to expect the return against. Fix pick_num in Blue Cherry"
                        + " or release the pick, then replay.");
                continue;
            }
            List<AuthorisedLine> lines = reader.lines(ra);
            List<String> problems = new ArrayList<>();
            if (lines.isEmpty()) {
                problems.add("radetail has no lines");
            }
            for (AuthorisedLine l : lines) {
                if (l.itemCode().isEmpty()) {
                    problems.add("line_seq " + l.lineSeq() + " has no Peoplevox ItemCode (" + reader.itemCodeSource()
                            + " is empty)");
                }
                if (l.raQty() <= 0) {
                    problems.add("line_seq " + l.lineSeq() + ": ra_qty must be a whole number above 0");
                }
            }
            if (!problems.isEmpty()) {
                hold(batch, row, lines.stream().anyMatch(l -> l.itemCode().isEmpty()) ? Category.SKU_MISMATCH
                        : Category.VALIDATION, "RA " + raNum + " (pick " + pick.get().pickNum() + "): " + String.join("; ", problems));
                continue;
            }
            String location = AuthorisationReader.text(ra, "location");
            String site = mappings.lookup(ValueMappingStore.SITE, location).orElse(pick.get().pvxSite());
            if (site == null || site.isBlank()) {
                hold(batch, row, Category.MISSING_WAREHOUSE, "RA " + raNum + ": location '" + location + "' has no Peoplevox"
                        + " site in mapping " + ValueMappingStore.SITE + ", and pick " + pick.get().pickNum()
                        + " has none either");
                continue;
            }
            ready.add(new ReadyReturn(row, raNum, pick.get().pickNum(), lines.stream().mapToInt(AuthorisedLine::raQty).sum(),
                    mapper.rows(ra, lines, pick.get().pickNum(), site)));
        }
        return ready;
    }

    /** Sends the ready RAs, at most {@value #MAX_ROWS} rows per SaveData; returns how many Peoplevox accepted. */
    public int send(List<ReadyReturn> ready, Exchange exchange) {
        OutboxBatch batch = exchange.getProperty(OutboxBatch.PROPERTY, OutboxBatch.class);
        Map<ReadyReturn, String> refused = new LinkedHashMap<>();
        for (Map<ReadyReturn, List<Map<String, String>>> chunk : chunks(ready)) {
            RowWriter.Outcome<ReadyReturn> outcome = RowWriter.save(peoplevox, mapper.template(), chunk, ReadyReturn::raNum);
            outcome.refused().forEach((r, message) -> refused.merge(r, message, (a, b) -> a + "; " + b));
        }
        List<ReadyReturn> accepted = ready.stream().filter(r -> !refused.containsKey(r)).toList();
        recordExpected(batch, accepted);
        refused.forEach((r, message) -> fail(batch, r.row(), PeoplevoxProducer.refusalCategory(message), "RA " + r.raNum() + " (pick "
                + r.pickNum() + ") refused by Peoplevox: " + message));
        return accepted.size();
    }

    /** Groups RAs into SaveData calls of at most {@value #MAX_ROWS} rows; an RA with more rows goes alone, in slices. */
    static List<Map<ReadyReturn, List<Map<String, String>>>> chunks(List<ReadyReturn> ready) {
        List<Map<ReadyReturn, List<Map<String, String>>>> chunks = new ArrayList<>();
        Map<ReadyReturn, List<Map<String, String>>> current = new LinkedHashMap<>();
        int rows = 0;
        for (ReadyReturn r : ready) {
            if (r.rows().size() > MAX_ROWS) {
                for (int from = 0; from < r.rows().size(); from += MAX_ROWS) {
                    chunks.add(Map.of(r, r.rows().subList(from, Math.min(r.rows().size(), from + MAX_ROWS))));
                }
                continue;
            }
            if (rows + r.rows().size() > MAX_ROWS) {
                chunks.add(current);
                current = new LinkedHashMap<>();
                rows = 0;
            }
            current.put(r, r.rows());
            rows += r.rows().size();
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private void recordExpected(OutboxBatch batch, List<ReadyReturn> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            for (ReadyReturn r : accepted) {
                String note = "expected in Peoplevox: " + r.rows().size() + " item(s), " + r.units() + " unit(s) on sales order "
                        + r.pickNum();
                if (!store.moveForward(r.raNum(), ReturnState.EXPECTED_IN_PEOPLEVOX, note)) {
                    store.note(r.raNum(), note);
                }
                exceptions.resolveOpen(ReturnsFlow.AUTHORISATION_FLOW, r.raNum(), "accepted by Peoplevox");
                store.flagException(r.raNum(), false);
            }
            outbox.markSent(accepted.stream().map(r -> r.row().id()).toList());
        });
        accepted.forEach(r -> batch.settle(r.row().id()));
        log.info("{} return authorisation(s) expected in Peoplevox: {}", accepted.size(),
                accepted.stream().map(ReadyReturn::raNum).toList());
    }

    /** The pick an RA is for: its pick_num, or the only pick of its ord_num. */
    private Optional<OrderLifecycle> pickOf(JsonNode ra) {
        String pickNum = AuthorisationReader.text(ra, "pick_num");
        if (!pickNum.isEmpty()) {
            return orders.findPick(pickNum);
        }
        String ordNum = AuthorisationReader.text(ra, "ord_num");
        List<OrderLifecycle> picks = ordNum.isEmpty() ? List.of() : orders.find(ordNum);
        return picks.size() == 1 ? Optional.of(picks.get(0)) : Optional.empty();
    }

    private static String describeMissingPick(JsonNode ra, Optional<OrderLifecycle> pick) {
        String pickNum = AuthorisationReader.text(ra, "pick_num");
        if (pick.isPresent()) {
            return "pick_num " + pick.get().pickNum() + " was never sent to Peoplevox (it is " + pick.get().state() + ")";
        }
        if (!pickNum.isEmpty()) {
            return "pick_num " + pickNum + " is not a pick Cherrypick's order flow sent to Peoplevox";
        }
        String ordNum = AuthorisationReader.text(ra, "ord_num");
        return ordNum.isEmpty() ? "pick_num and ord_num are empty"
                : "pick_num is empty and ord_num " + ordNum + " does not name exactly one pick Cherrypick sent";
    }

    private void hold(OutboxBatch batch, OutboxRow row, Category category, String message) {
        tx.executeWithoutResult(status -> {
            exceptions.record(NewException.of(ReturnsFlow.AUTHORISATION_FLOW, ReturnsFlow.SEND_ROUTE, row.businessKey(),
                    category, message, row.payload(), row.id()));
            outbox.markHeld(row.id(), message);
            store.flagException(row.businessKey(), true);
            store.note(row.businessKey(), message);
        });
        batch.settle(row.id());
        log.warn("return authorisation held: {}", message);
    }

    private void fail(OutboxBatch batch, OutboxRow row, Category category, String message) {
        tx.executeWithoutResult(status -> {
            exceptions.record(NewException.of(ReturnsFlow.AUTHORISATION_FLOW, ReturnsFlow.SEND_ROUTE, row.businessKey(),
                    category, message, row.payload(), row.id()));
            outbox.markFailed(row.id(), message);
            store.flagException(row.businessKey(), true);
            store.note(row.businessKey(), message);
        });
        batch.settle(row.id());
        log.warn("{}", message);
    }
}
