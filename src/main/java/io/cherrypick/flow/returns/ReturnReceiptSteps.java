package io.cherrypick.flow.returns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.bluecherry.BlueCherry;
import io.cherrypick.bluecherry.model.AuthorisedLine;
import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.failure.NotYet;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.mapping.MappedRecord;
import io.cherrypick.mapping.Mappings;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.peoplevox.SearchClauses;
import io.cherrypick.peoplevox.model.PvxReturn;
import io.cherrypick.store.Authorisation;
import io.cherrypick.store.DocumentNumbers;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.Receipt;
import io.cherrypick.store.ReceiptState;
import io.cherrypick.store.ReturnState;
import io.cherrypick.store.ReturnStore;
import io.cherrypick.store.ReturnStore.LineKey;
import io.cherrypick.store.SkuSite;
import io.cherrypick.store.StockLevels;
import io.cherrypick.store.ValueMappingStore;

/**
 * The steps of routes/returns.camel.yaml on received returns (bean {@code returnReceipts}): a Peoplevox return stored
 * once, matched to its RA lines when it is sent ({@link ReturnMatcher}, against the RAs and the units already credited
 * at that moment, so a replay after a fix re-checks), and what Blue Cherry's answer means for the return and its RAs.
 */
@Component("returnReceipts")
public class ReturnReceiptSteps {
    /** Header: the matched receipt a record's outcome steps read ({@link ReceiptCredit}). */
    static final String RECEIPT = "CherrypickReceipt";
    /** Header: the RAs a return concerns (they show its exception). */
    static final String RAS = "CherrypickRas";
    /** Exchange property of a batch: units credited to each RA line by the receipts before in the same batch. */
    static final String CREDITED_IN_BATCH = "CherrypickCreditedInBatch";
    /** The report column the re-read searches by, and the mapping that reads the report's rows. */
    static final String CODE_COLUMN = "Return code";
    static final String SUMMARY_MAPPING = "return-summary";
    private static final Logger log = LoggerFactory.getLogger(ReturnReceiptSteps.class);
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final ReturnStore store;
    private final OrderLifecycleStore orders;
    private final ValueMappingStore valueMappings;
    private final ReturnExceptionFlag exceptionFlag;
    private final Mappings mappings;
    private final ReturnsProperties props;
    private final ObjectMapper json;
    private final DocumentNumbers numbers;
    private final PeoplevoxClient peoplevox;
    private final StockLevels stock;

    public ReturnReceiptSteps(ReturnStore store, OrderLifecycleStore orders, ValueMappingStore valueMappings,
                              ReturnExceptionFlag exceptionFlag, Mappings mappings, ReturnsProperties props, ObjectMapper json,
                              DocumentNumbers numbers, PeoplevoxClient peoplevox, StockLevels stock) {
        this.stock = stock;
        this.peoplevox = peoplevox;
        this.numbers = numbers;
        this.store = store;
        this.orders = orders;
        this.valueMappings = valueMappings;
        this.exceptionFlag = exceptionFlag;
        this.mappings = mappings;
        this.props = props;
        this.json = json;
    }

    /**
     * A stored Returns event (webhook) or ReturnSummary event (report poll): the body becomes the {@link PvxReturn}, or
     * the event is refused (MALFORMED_EVENT, naming the field).
     */
    public void read(Exchange exchange) {
        Message in = exchange.getIn();
        String type = in.getHeader(Handoff.RECORD_TYPE, String.class);
        try {
            Map<String, String> fields;
            try {
                fields = json.readValue(in.getBody(String.class), FIELDS);
            } catch (Exception unreadable) {
                throw new IllegalArgumentException("payload is not a JSON object of fields");
            }
            in.setBody(PvxReturn.fromEvent(fields, "ReturnSummary".equals(type) ? "report" : "event", Instant.now().toString()));
        } catch (IllegalArgumentException unreadable) {
            in.setHeader(Handoff.CATEGORY, Category.MALFORMED_EVENT.name());
            in.setHeader(Handoff.REASON, "Peoplevox " + type + " (" + in.getHeader(Handoff.RECORD_KEY) + ") cannot be read: "
                    + unreadable.getMessage());
        }
    }

    /**
     * An event is only the trigger: what moves money is read again from Peoplevox. Body: the event's
     * {@link PvxReturn}; becomes the return's items as the {@code Return summary} report shows them (one
     * {@link PvxReturn} per item, its quantity all units booked in for the return code + item so far). A return the
     * report does not show (not yet, or never: a forged event) fails, to be read again later; after max-attempts it is
     * an exception and nothing is credited.
     */
    public void readAgainFromPeoplevox(Exchange exchange) {
        Message in = exchange.getIn();
        PvxReturn trigger = in.getBody(PvxReturn.class);
        String clause = "[" + CODE_COLUMN + "].Equals(\"" + SearchClauses.escape(trigger.returnCode()) + "\")";
        Map<String, PvxReturn> byItem = new java.util.LinkedHashMap<>();
        for (Map<String, String> row : peoplevox.getReport(ReturnsFlow.RETURN_REPORT, clause, null, null).rows()) {
            PvxReturn booked = PvxReturn.fromEvent(mappings.map(SUMMARY_MAPPING, row, Map.of()).row("event"),
                    trigger.source(), trigger.returnDate());
            if (!booked.returnCode().equals(trigger.returnCode())) {
                continue;
            }
            // the latest booking's fields, all bookings' units
            byItem.merge(booked.itemCode(), booked, (before, later) -> new PvxReturn(later.returnCode(), later.itemCode(),
                    before.quantity() + later.quantity(), later.salesOrderNumber(), later.rmaNumber(), later.reason(),
                    later.condition(), later.site(), later.returnDate(), later.source()));
        }
        if (!byItem.containsKey(trigger.itemCode())) {
            // transient: the report may lag the event; after max-attempts a person checks the return in Peoplevox
            throw new NotYet("peoplevox", Category.RETURN_MISMATCH, "Return " + trigger.returnCode()
                    + " item " + trigger.itemCode() + " (" + in.getHeader(Handoff.RECORD_KEY) + "): Peoplevox report "
                    + ReturnsFlow.RETURN_REPORT + " does not show it, so nothing is credited. Check the return in Peoplevox:"
                    + " if it is there, replay; if not, the event was not Peoplevox's: discard it.");
        }
        in.setBody(new java.util.ArrayList<>(byItem.values()));
    }

    /**
     * The units of a return code + item Peoplevox shows beyond those stored are stored once (body: the item's
     * {@link PvxReturn} with all units booked so far) and, when there are any, become the record to queue for Blue
     * Cherry (key code|item|running total; header CherrypickStored); the RA it names (or an RA of its sales order
     * holding the item) is RECEIVED. A repeat of units already stored (the event and the poll of one booking, a
     * redelivery) stores nothing.
     */
    public void received(Exchange exchange) {
        Message in = exchange.getIn();
        PvxReturn booked = in.getBody(PvxReturn.class);
        int before = store.unitsStored(booked.returnCode(), booked.itemCode());
        PvxReturn r = booked.beyond(before);
        boolean isNew = r.quantity() > 0 && store.insertReceiptIfAbsent(r, Instant.now()).isPresent();
        in.setHeader(Handoff.STORED, isNew);
        if (!isNew) {
            log.debug("return {} item {}: the {} unit(s) Peoplevox shows are stored already; {} ignored", r.returnCode(),
                    r.itemCode(), booked.quantity(), in.getHeader(Handoff.RECORD_KEY));
            return;
        }
        in.setBody(r);
        in.setHeader(Handoff.RECORD_KEY, r.key());
        in.setHeader(Handoff.REVISION, "");
        in.setHeader(Handoff.RECORD_TYPE, "return");
        String note = "Peoplevox booked in return " + r.returnCode() + ": " + r.quantity() + " x " + r.itemCode()
                + (r.condition().isEmpty() ? "" : " (" + r.condition() + ")") + "; queued for Blue Cherry";
        authorisationOf(r).ifPresent(ra -> {
            if (!store.moveForward(ra.raNum(), ReturnState.RECEIVED, note)) {
                store.note(ra.raNum(), note);
            }
        });
        log.info("{} (sales order {}, RMA {}, from the {})", note, r.salesOrderNumber(),
                r.rmaNumber().isEmpty() ? "none" : r.rmaNumber(), r.source());
    }

    /**
     * A Return summary row as a trigger (body: its event fields): its key (return code|item|return date) gets the units
     * of the return code + item stored so far, so each booking triggers a read again once after each credit of its
     * return + item, and never again while nothing changes.
     */
    public void keyByUnitsStored(Exchange exchange) {
        Message in = exchange.getIn();
        @SuppressWarnings("unchecked")
        Map<String, String> fields = in.getBody(Map.class);
        int stored = store.unitsStored(String.valueOf(fields.get("ReturnCode")).trim(),
                String.valueOf(fields.get("ItemCode")).trim());
        in.setHeader(Handoff.RECORD_KEY, in.getHeader(Handoff.RECORD_KEY, String.class) + "|stored:" + stored);
    }

    /** A new batch of receipts: no RA line credited in it yet. */
    public void newBatch(Exchange exchange) {
        exchange.setProperty(CREDITED_IN_BATCH, new HashMap<LineKey, Integer>());
    }

    /**
     * A queued return (body: the {@link PvxReturn}) matched to its RA lines: the body becomes the {@link ReceiptCredit}
     * to map, or the return is held for the warehouse (RETURN_MISMATCH: no authorisation, no matching sales order, more
     * units than authorised) or support (VALIDATION: no reason code).
     */
    @SuppressWarnings("unchecked")
    public void match(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        PvxReturn r = json.readValue(in.getBody(String.class), PvxReturn.class);
        Optional<Authorisation> named = store.authorisation(r.rmaNumber());
        List<Authorisation> ofOrder = store.authorisationsOfPick(r.salesOrderNumber());
        Set<String> raNums = new LinkedHashSet<>();
        named.ifPresent(a -> raNums.add(a.raNum()));
        ofOrder.forEach(a -> raNums.add(a.raNum()));
        in.setHeader(RAS, List.copyOf(raNums));
        Map<LineKey, Integer> credited = store.credited(raNums);
        Map<LineKey, Integer> inBatch = exchange.getProperty(CREDITED_IN_BATCH, Map.class);
        if (inBatch != null) {
            inBatch.forEach((k, v) -> credited.merge(k, v, Integer::sum));
        }
        ReturnMatcher.Match match = ReturnMatcher.match(new ReturnMatcher.Facts(r, named, ofOrder,
                !r.salesOrderNumber().isEmpty() && orders.findPick(r.salesOrderNumber()).isPresent(),
                store.lines(raNums), credited));
        if (!match.ok()) {
            ReturnAuthorisationSteps.hold(in, Category.RETURN_MISMATCH, match.problem()
                    + ". Fix it in Blue Cherry (e.g. raise or extend the RA) and replay, or discard the exception.");
            return;
        }
        Map<String, Authorisation> ras = new HashMap<>();
        named.ifPresent(a -> ras.put(a.raNum(), a));
        ofOrder.forEach(a -> ras.put(a.raNum(), a));
        Authorisation first = ras.get(match.raNums().get(0));
        in.setHeader(RAS, match.raNums());
        String reason = valueMappings.lookup(ReturnsFlow.REASON_MAPPING, r.reason()).orElse(first.reasonCode());
        if (reason == null || reason.isBlank()) {
            ReturnAuthorisationSteps.hold(in, Category.VALIDATION, "Return " + r.returnCode() + " item " + r.itemCode()
                    + ": no Blue Cherry reason_code: Peoplevox reason '" + r.reason() + "' is not in mapping "
                    + ReturnsFlow.REASON_MAPPING + " and RA " + first.raNum() + " has none");
            return;
        }
        ReceiptCredit receipt = new ReceiptCredit(r, match.credits(), match.lines(), locationFor(r, first),
                reason, dispositionFor(r.condition()));
        if (Boolean.TRUE.equals(in.getHeader(Handoff.TRIED_BEFORE, Boolean.class))
                && numbers.maybePosted(ReturnsFlow.RECEIPT_FLOW, in.getHeader(Handoff.RECORD_KEY, String.class))) {
            // Blue Cherry's return receipt carries no number it could refuse a resend by: a resend could credit twice
            ReturnAuthorisationSteps.hold(in, Category.DUPLICATE, receipt.describe() + ": an earlier POST of this receipt"
                    + " to Blue Cherry broke off without an answer, and Blue Cherry cannot be asked whether it took it. Check"
                    + " the credit memos of RA line(s) " + creditedLines(receipt) + " in Blue Cherry: if the credit is"
                    + " there, resolve this exception; if it is not, replay it (a replay sends it).");
            return;
        }
        if (inBatch != null) {
            match.credits().forEach((k, v) -> inBatch.merge(k, v, Integer::sum));
        }
        in.setHeader(RECEIPT, receipt);
        in.setBody(receipt);
    }

    /** "RA1 line 2 (3 units), RA1 line 3 (1 unit)": the RA lines a receipt credits. */
    private static String creditedLines(ReceiptCredit receipt) {
        return receipt.credits().entrySet().stream().map(c -> c.getKey().raNum() + " line " + c.getKey().lineSeq() + " ("
                + c.getValue() + (c.getValue() == 1 ? " unit)" : " units)")).collect(java.util.stream.Collectors.joining(", "));
    }

    /** Body: the receipt as mapped by {@code mapping}; becomes its Blue Cherry rows (one per RA line credited). */
    public void document(Exchange exchange, String mapping) {
        exchange.getIn().setBody(mappings.documents(mapping, "receipts", exchange.getIn().getBody(MappedRecord.class)));
    }

    /** Blue Cherry took these receipts (a batch, or one): each return is confirmed, its RAs credited and moved on. */
    public void confirmed(Exchange exchange) {
        List<SkuSite> moved = new ArrayList<>(); // marked in one pass, in SKU and site order
        for (Message m : Handoff.records(exchange)) {
            ReceiptCredit r = m.getHeader(RECEIPT, ReceiptCredit.class);
            long pkey = m.getHeader(BlueCherry.PKEY, 0L, Long.class);
            PvxReturn received = r.received();
            String note = "Blue Cherry confirmed return " + received.returnCode() + ": " + received.quantity() + " x "
                    + received.itemCode() + ", condition '" + received.condition() + "', disposition " + r.disposition()
                    + " (" + describe(r.disposition()) + "), receipt " + pkey;
            store.confirmReceipt(m.getHeader(Handoff.RECORD_KEY, received.key(), String.class), r.disposition(), pkey,
                    r.credits(), note);
            for (String raNum : r.raNums()) {
                if (!store.moveForward(raNum, ReturnState.CONFIRMED_IN_BLUE_CHERRY, note)) {
                    store.note(raNum, note);
                }
                exceptionFlag.refresh(raNum);
            }
            // the receipt put the units into Blue Cherry's stock: the next overlay tells it the level again
            moved.add(SkuSite.movedAt(received.itemCode(), received.site()));
            log.info("{}", note);
        }
        stock.movedInBlueCherry(moved);
    }

    /** The sentence for a receipt Blue Cherry refused alone. */
    public String refusal(Exchange exchange) {
        Message in = exchange.getIn();
        ReceiptCredit r = in.getHeader(RECEIPT, ReceiptCredit.class);
        boolean retried = in.getHeader(Handoff.ATTEMPTS, 0, Integer.class) > 0
                || Boolean.TRUE.equals(in.getHeader(Handoff.TRIED_BEFORE, Boolean.class));
        // Blue Cherry's receipt has no control number: a refusal after a broken-off attempt may mean it holds it already
        return r.describe() + " refused by Blue Cherry: " + in.getHeader(BlueCherry.REFUSAL) + (retried
                ? ". An earlier attempt of this receipt broke off without an answer: Blue Cherry may already hold it (check"
                + " the RA's credit memos) before replaying." : ". Fix the data in Blue Cherry and replay.");
    }

    /**
     * A return held, refused or given up: the receipt shows the exception, and so do the RAs it concerns (header
     * CherrypickRas: their numbers, when known).
     */
    @SuppressWarnings("unchecked")
    public void flagged(Exchange exchange) {
        Message in = exchange.getIn();
        String reason = in.getHeader(Handoff.REASON, String.class);
        store.receiptState(in.getHeader(Handoff.RECORD_KEY, "", String.class), ReceiptState.EXCEPTION, reason);
        List<String> raNums = in.getHeader(RAS, List.class);
        if (raNums != null) {
            raNums.forEach(ra -> {
                store.flagException(ra, true);
                store.note(ra, reason);
            });
        }
    }

    /**
     * A return whose exception a person resolved or discarded (the queue's skipped hook; header CherrypickSkipReason:
     * who closed it and why): it is NOT_SENT, for good (an RA that arrives later does not match it again), and the RAs it
     * concerns no longer show its exception, each with a note saying why nothing was credited.
     */
    public void skipped(@Header(Handoff.RECORD_KEY) String key, @Header(Handoff.SKIP_REASON) String reason) {
        Optional<Receipt> receipt = store.receipt(key);
        if (receipt.isEmpty()) {
            return;
        }
        Receipt r = receipt.get();
        String note = "Return " + r.returnCode() + " (" + r.quantity() + " x " + r.itemCode() + ") not sent to Blue Cherry: "
                + reason;
        store.receiptState(key, ReceiptState.NOT_SENT, note);
        Set<String> raNums = new LinkedHashSet<>();
        store.authorisation(r.rmaNumber() == null ? "" : r.rmaNumber()).ifPresent(a -> raNums.add(a.raNum()));
        if (r.salesOrderNumber() != null) {
            store.authorisationsOfPick(r.salesOrderNumber()).forEach(a -> raNums.add(a.raNum()));
        }
        for (String raNum : raNums) {
            store.note(raNum, note);
            exceptionFlag.refresh(raNum);
        }
        log.info("{}", note);
    }

    /** The RA the return names, or else the first RA of its sales order holding the item (for the state shown). */
    private Optional<Authorisation> authorisationOf(PvxReturn r) {
        Optional<Authorisation> named = store.authorisation(r.rmaNumber());
        if (named.isPresent()) {
            return named;
        }
        List<Authorisation> ofOrder = store.authorisationsOfPick(r.salesOrderNumber());
        List<String> withItem = store.lines(ofOrder.stream().map(Authorisation::raNum).toList()).stream()
                .filter(l -> l.itemCode().equals(r.itemCode())).map(AuthorisedLine::raNum).toList();
        return ofOrder.stream().filter(a -> withItem.contains(a.raNum())).findFirst();
    }

    /** The condition's disposition: mapping {@code return-disposition} (exact, then ignoring case), else the default. */
    String dispositionFor(String condition) {
        if (condition == null || condition.isBlank()) {
            return props.defaultDisposition();
        }
        return valueMappings.lookup(ReturnsFlow.DISPOSITION_MAPPING, condition.trim())
                .or(() -> valueMappings.all(ReturnsFlow.DISPOSITION_MAPPING).entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(condition.trim())).map(Map.Entry::getValue).findFirst())
                .orElse(props.defaultDisposition());
    }

    /** Where the goods came back: the Blue Cherry location whose site is the Peoplevox site, else the RA's location. */
    private String locationFor(PvxReturn r, Authorisation ra) {
        if (!r.site().isEmpty()) {
            List<String> locations = valueMappings.all(ValueMappingStore.SITE).entrySet().stream()
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

    private static String describe(String disposition) {
        return switch (disposition) {
            case "A" -> "restock";
            case "D" -> "damaged";
            case "Q" -> "quarantine";
            default -> "as mapped";
        };
    }
}
