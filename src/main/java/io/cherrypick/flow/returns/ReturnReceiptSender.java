package io.cherrypick.flow.returns;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cherrypick.bluecherry.BlueCherryClient;
import io.cherrypick.bluecherry.BlueCherryRejection;
import io.cherrypick.failure.Category;
import io.cherrypick.flow.OutboxBatch;
import io.cherrypick.flow.returns.ReturnStore.LineKey;
import io.cherrypick.peoplevox.PeoplevoxDates;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.NewException;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.OutboxRow;
import io.cherrypick.store.OutboxStore;
import io.cherrypick.store.ValueMappingStore;

/**
 * Sends received returns to Blue Cherry as return receipts ({@code POST /api/x-sim/ReturnReceiptAdvice}), many per
 * POST, and records each outcome.
 * <p>
 * Each receipt is matched when it is sent ({@link ReturnMatcher}), against the RAs and the units already credited at
 * that moment; a return without authorisation, without a matching sales order, or with more units than authorised is
 * held as RETURN_MISMATCH for the warehouse, with the return as payload (replay after the fix; an RA that arrives or
 * changes later re-queues it on its own). The disposition comes from the Peoplevox condition (mapping
 * {@code return-disposition}, default {@code defaultDisposition}). Only the receipt goes to Blue Cherry: stock levels
 * are the stock flow's business, so a restocked unit is never counted twice.
 * <p>
 * Exactly once: the receipt key (return code|item) enters Camel's JDBC idempotent repository in the transaction that
 * marks it sent and is checked before building. Blue Cherry's receipt has no control number, so a receipt whose earlier
 * attempt broke off and that Blue Cherry then refuses is not assumed received: the exception says to check first.
 */
@Component("returnReceiptSender")
public class ReturnReceiptSender {
    private static final Logger log = LoggerFactory.getLogger(ReturnReceiptSender.class);
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private final OutboxStore outbox;
    private final ExceptionStore exceptions;
    private final ReturnStore store;
    private final OrderLifecycleStore orders;
    private final ValueMappingStore mappings;
    private final BlueCherryClient blueCherry;
    private final JdbcMessageIdRepository sent;
    private final ReturnsProperties props;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final String instanceId;

    public ReturnReceiptSender(OutboxStore outbox, ExceptionStore exceptions, ReturnStore store, OrderLifecycleStore orders,
                               ValueMappingStore mappings, BlueCherryClient blueCherry,
                               @Qualifier("returnReceiptsSent") JdbcMessageIdRepository sent, ReturnsProperties props,
                               TransactionTemplate tx, ObjectMapper json, @Value("${cherrypick.instance-id}") String instanceId) {
        this.outbox = outbox;
        this.exceptions = exceptions;
        this.store = store;
        this.orders = orders;
        this.mappings = mappings;
        this.blueCherry = blueCherry;
        this.sent = sent;
        this.props = props;
        this.tx = tx;
        this.json = json;
        this.instanceId = instanceId;
    }

    /** A receipt ready to POST: the Blue Cherry rows (one per RA line credited) and what its outcome updates. */
    public record ReadyReceipt(OutboxRow row, PvxReturn received, Map<LineKey, Integer> credits, String disposition,
                               List<ObjectNode> rows) {
        String describe() {
            return "Return " + received.returnCode() + " item " + received.itemCode() + " (RA "
                    + String.join(", ", credits.keySet().stream().map(LineKey::raNum).distinct().toList())
                    + (received.salesOrderNumber().isEmpty() ? "" : ", sales order " + received.salesOrderNumber()) + ")";
        }
    }

    public OutboxBatch claim(Exchange exchange) {
        return OutboxBatch.attach(exchange, ReturnsFlow.RECEIPT_FLOW, outbox.claim(ReturnsFlow.RECEIPT_FLOW, instanceId,
                props.receiptBatchSize(), props.staleClaimAfter()));
    }

    /** Settles receipts already confirmed or that cannot be matched (held); returns the rest with their Blue Cherry rows. */
    public List<ReadyReceipt> build(OutboxBatch batch) {
        List<ReadyReceipt> ready = new ArrayList<>();
        Map<LineKey, Integer> creditedInBatch = new HashMap<>();
        for (OutboxRow row : batch.rows()) {
            if (sent.contains(row.businessKey())) {
                log.info("return {} was already confirmed in Blue Cherry; not sending it again", row.businessKey());
                outbox.markSent(List.of(row.id()));
                batch.settle(row.id());
                continue;
            }
            PvxReturn r;
            try {
                r = json.readValue(row.payload(), PvxReturn.class);
            } catch (Exception unreadable) {
                hold(batch, row, null, List.of(), Category.VALIDATION, "Return " + row.businessKey()
                        + ": stored payload is not readable (" + unreadable.getMessage() + ")");
                continue;
            }
            Optional<Authorisation> named = store.authorisation(r.rmaNumber());
            List<Authorisation> ofOrder = store.authorisationsOfPick(r.salesOrderNumber());
            Set<String> raNums = new LinkedHashSet<>();
            named.ifPresent(a -> raNums.add(a.raNum()));
            ofOrder.forEach(a -> raNums.add(a.raNum()));
            Map<LineKey, Integer> credited = store.credited(raNums);
            creditedInBatch.forEach((k, v) -> credited.merge(k, v, Integer::sum));
            ReturnMatcher.Match match = ReturnMatcher.match(new ReturnMatcher.Facts(r, named, ofOrder,
                    !r.salesOrderNumber().isEmpty() && orders.findPick(r.salesOrderNumber()).isPresent(),
                    store.lines(raNums), credited));
            if (!match.ok()) {
                hold(batch, row, r, List.copyOf(raNums), Category.RETURN_MISMATCH, match.problem()
                        + ". Fix it in Blue Cherry (e.g. raise or extend the RA) and replay, or discard the exception.");
                continue;
            }
            Map<String, Authorisation> ras = new HashMap<>();
            named.ifPresent(a -> ras.put(a.raNum(), a));
            ofOrder.forEach(a -> ras.put(a.raNum(), a));
            Authorisation first = ras.get(match.raNums().get(0));
            String reason = mappings.lookup(ReturnsFlow.REASON_MAPPING, r.reason()).orElse(first.reasonCode());
            if (reason == null || reason.isBlank()) {
                hold(batch, row, r, match.raNums(), Category.VALIDATION, "Return " + r.returnCode() + " item " + r.itemCode()
                        + ": no Blue Cherry reason_code: Peoplevox reason '" + r.reason() + "' is not in mapping "
                        + ReturnsFlow.REASON_MAPPING + " and RA " + first.raNum() + " has none");
                continue;
            }
            String disposition = dispositionFor(r.condition());
            List<ObjectNode> rows = new ArrayList<>();
            match.credits().forEach((key, qty) -> {
                AuthorisedLine line = match.lines().stream().filter(l -> l.raNum().equals(key.raNum())
                        && l.lineSeq() == key.lineSeq()).findFirst().orElseThrow();
                rows.add(receiptRow(r, line, qty, locationFor(r, ras.get(key.raNum())), reason, disposition));
            });
            match.credits().forEach((k, v) -> creditedInBatch.merge(k, v, Integer::sum));
            ready.add(new ReadyReceipt(row, r, match.credits(), disposition, rows));
        }
        return ready;
    }

    /** POSTs the receipts as one array; when Blue Cherry refuses the call, sends them one by one. Returns how many went. */
    public int send(List<ReadyReceipt> ready, Exchange exchange) {
        OutboxBatch batch = exchange.getProperty(OutboxBatch.PROPERTY, OutboxBatch.class);
        if (ready.isEmpty()) {
            return 0;
        }
        try {
            recordSent(batch, ready, blueCherry.post(props.receiptResource(), array(ready)));
            return ready.size();
        } catch (BlueCherryRejection refused) {
            if (ready.size() == 1) {
                reject(batch, ready.get(0), refused);
                return 0;
            }
            log.info("Blue Cherry refused a POST of {} return receipts ({}); sending them one by one", ready.size(),
                    refused.getMessage());
        }
        int accepted = 0;
        for (ReadyReceipt r : ready) {
            try {
                recordSent(batch, List.of(r), blueCherry.post(props.receiptResource(), array(List.of(r))));
                accepted++;
            } catch (BlueCherryRejection refused) {
                reject(batch, r, refused);
            }
        }
        return accepted;
    }

    private ObjectNode receiptRow(PvxReturn r, AuthorisedLine line, int quantity, String location, String reason,
                                  String disposition) {
        ObjectNode row = json.createObjectNode();
        row.put("ra_num", line.raNum());
        row.put("line_seq", line.lineSeq());
        row.put("style", line.style());
        row.put("color_code", line.colorCode());
        row.put("lbl_code", line.lblCode());
        row.put("dimension", line.dimension());
        row.put("size_desc", line.sizeDesc());
        row.put("upc_num", line.upc());
        row.put("size_qty", quantity);
        row.put("location", location);
        row.put("reason_code", reason);
        row.put("disposition", disposition);
        row.put("receipt_date", PeoplevoxDates.parse(r.returnDate()).map(t -> t.toLocalDate())
                .orElse(LocalDate.now(ZoneOffset.UTC)).format(US_DATE));
        return row;
    }

    /** The condition's disposition: mapping {@code return-disposition} (exact, then ignoring case), else the default. */
    String dispositionFor(String condition) {
        if (condition == null || condition.isBlank()) {
            return props.defaultDisposition();
        }
        return mappings.lookup(ReturnsFlow.DISPOSITION_MAPPING, condition.trim())
                .or(() -> mappings.all(ReturnsFlow.DISPOSITION_MAPPING).entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(condition.trim())).map(Map.Entry::getValue).findFirst())
                .orElse(props.defaultDisposition());
    }

    /** Where the goods came back: the Blue Cherry location whose site is the Peoplevox site, else the RA's location. */
    private String locationFor(PvxReturn r, Authorisation ra) {
        if (!r.site().isEmpty()) {
            List<String> locations = mappings.all(ValueMappingStore.SITE).entrySet().stream()
                    .filter(e -> e.getValue().equals(r.site())).map(Map.Entry::getKey).toList();
            if (locations.contains(ra.location())) {
                return ra.location();
            }
            if (!locations.isEmpty()) {
                return locations.get(0);
            }
        }
        return ra.location();
    }

    private ArrayNode array(List<ReadyReceipt> receipts) {
        ArrayNode body = json.createArrayNode();
        receipts.forEach(r -> r.rows().forEach(body::add));
        return body;
    }

    private void recordSent(OutboxBatch batch, List<ReadyReceipt> receipts, long pkey) {
        tx.executeWithoutResult(status -> {
            for (ReadyReceipt r : receipts) {
                String note = "Blue Cherry confirmed return " + r.received().returnCode() + ": " + r.received().quantity()
                        + " x " + r.received().itemCode() + ", condition '" + r.received().condition() + "', disposition "
                        + r.disposition() + " (" + describe(r.disposition()) + "), receipt " + pkey;
                sent.add(r.row().businessKey());
                store.confirmReceipt(r.received().returnCode(), r.received().itemCode(), r.disposition(), pkey, r.credits(),
                        note);
                exceptions.resolveOpen(ReturnsFlow.RECEIPT_FLOW, r.row().businessKey(), "confirmed in Blue Cherry");
                for (String raNum : r.credits().keySet().stream().map(LineKey::raNum).distinct().toList()) {
                    if (!store.moveForward(raNum, ReturnState.CONFIRMED_IN_BLUE_CHERRY, note)) {
                        store.note(raNum, note);
                    }
                    refreshExceptionFlag(raNum);
                }
                log.info("{}", note);
            }
            outbox.markSent(receipts.stream().map(r -> r.row().id()).toList());
        });
        receipts.forEach(r -> batch.settle(r.row().id()));
    }

    private void reject(OutboxBatch batch, ReadyReceipt r, BlueCherryRejection refused) {
        boolean retried = r.row().attempts() > 0 || r.row().recovered();
        String message = r.describe() + " refused by Blue Cherry: " + String.join("; ", refused.messages())
                + (retried ? ". An earlier attempt of this receipt broke off without an answer: Blue Cherry may already hold"
                + " it (check the RA's credit memos) before replaying." : ". Fix the data in Blue Cherry and replay.");
        tx.executeWithoutResult(status -> {
            exceptions.record(NewException.of(ReturnsFlow.RECEIPT_FLOW, ReturnsFlow.RECEIPT_ROUTE, r.row().businessKey(),
                    Category.REJECTED, message, r.row().payload(), r.row().id()));
            outbox.markFailed(r.row().id(), message);
            store.receiptState(r.received().returnCode(), r.received().itemCode(), ReceiptState.EXCEPTION, message);
            r.credits().keySet().stream().map(LineKey::raNum).distinct().forEach(ra -> {
                store.flagException(ra, true);
                store.note(ra, message);
            });
        });
        batch.settle(r.row().id());
        log.warn("{}", message);
    }

    private void hold(OutboxBatch batch, OutboxRow row, PvxReturn r, List<String> raNums, Category category, String message) {
        tx.executeWithoutResult(status -> {
            exceptions.record(NewException.of(ReturnsFlow.RECEIPT_FLOW, ReturnsFlow.RECEIPT_ROUTE, row.businessKey(),
                    category, message, row.payload(), row.id()));
            outbox.markHeld(row.id(), message);
            if (r != null) {
                store.receiptState(r.returnCode(), r.itemCode(), ReceiptState.EXCEPTION, message);
            }
            raNums.forEach(ra -> {
                store.flagException(ra, true);
                store.note(ra, message);
            });
        });
        batch.settle(row.id());
        log.warn("return held for the warehouse: {}", message);
    }

    /** An RA shows an exception while one of its receipts, or the RA itself, waits for a person. */
    private void refreshExceptionFlag(String raNum) {
        Authorisation ra = store.authorisation(raNum).orElseThrow();
        boolean open = store.receiptsOf(ra).stream().anyMatch(x -> x.state() == ReceiptState.EXCEPTION)
                || !exceptions.openFor(ReturnsFlow.AUTHORISATION_FLOW, raNum).isEmpty();
        store.flagException(raNum, open);
    }

    private static String describe(String disposition) {
        return switch (disposition) {
            case "A" -> "restock";
            case "D" -> "damaged";
            case "Q" -> "quarantine";
            default -> "as mapped";
        };
    }
}
