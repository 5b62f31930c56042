package io.cherrypick.flow.inbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.bluecherry.BlueCherry;
import io.cherrypick.bluecherry.BlueCherryDocuments;
import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.failure.NotYet;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.mapping.MappedRecord;
import io.cherrypick.mapping.Mappings;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.peoplevox.PeoplevoxDates;
import io.cherrypick.peoplevox.SearchClauses;
import io.cherrypick.store.DocumentNumbers;
import io.cherrypick.store.PurchaseOrderStore;
import io.cherrypick.store.PurchaseOrderStore.GoodsLine;
import io.cherrypick.store.PurchaseOrderStore.Line;
import io.cherrypick.store.PurchaseOrderStore.PurchaseOrder;
import io.cherrypick.store.PurchaseOrderStore.State;
import io.cherrypick.store.SkuSite;
import io.cherrypick.store.StockLevels;
import io.cherrypick.store.ValueMappingStore;

/**
 * The steps of routes/inbound.camel.yaml on goods Peoplevox booked in (bean {@code goodsReceipts}): a delivery's lines
 * read from the goods-in report and stored once (reference + item; the stored row's id is the line's document number),
 * matched to the purchase order lines when sent (against the units already posted at that moment, so a replay
 * re-checks), and what Blue Cherry's answer means for the purchase order.
 */
@Component("goodsReceipts")
public class GoodsReceiptSteps {
    /** Header: the matched receipt a record's outcome steps read ({@link ReceiptAllocation}). */
    static final String RECEIPT = "CherrypickReceipt";
    /** Header: the purchase order a goods-in line is for (it shows the exception). */
    static final String PURCHASE_ORDER = "CherrypickPurchaseOrder";
    /** Exchange property of a batch: units credited to each purchase order line by the lines before in the batch. */
    static final String CREDITED_IN_BATCH = "CherrypickCreditedInBatch";
    static final String REFERENCE_COLUMN = "Goods in reference number";
    /** A goods-in line's state while its exception waits for a person. */
    static final String EXCEPTION = "EXCEPTION";
    /** A goods-in line's state once a person resolved or discarded its exception: never posted. Finished. */
    static final String NOT_SENT = "NOT_SENT";
    private static final Logger log = LoggerFactory.getLogger(GoodsReceiptSteps.class);
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final PurchaseOrderStore store;
    private final PeoplevoxClient peoplevox;
    private final Mappings mappings;
    private final ValueMappingStore valueMappings;
    private final InboundProperties props;
    private final ObjectMapper json;
    private final DocumentNumbers numbers;
    private final StockLevels stock;
    private final PurchaseOrderExceptionFlag exceptionFlag;

    public GoodsReceiptSteps(PurchaseOrderStore store, PeoplevoxClient peoplevox, Mappings mappings,
                             ValueMappingStore valueMappings, InboundProperties props, ObjectMapper json,
                             DocumentNumbers numbers, StockLevels stock, PurchaseOrderExceptionFlag exceptionFlag) {
        this.exceptionFlag = exceptionFlag;
        this.stock = stock;
        this.numbers = numbers;
        this.store = store;
        this.peoplevox = peoplevox;
        this.mappings = mappings;
        this.valueMappings = valueMappings;
        this.props = props;
        this.json = json;
    }

    /** Whether a delivery (goods-in reference) is stored already, e.g. a report row an event brought first. */
    public boolean known(String reference) {
        return store.knownReference(reference);
    }

    /**
     * A stored GoodsReceived event (webhook) or GoodsInSummary event (report poll): the delivery's lines are read from
     * the goods-in report (one per item, quantities added up) and become the body (a list of line maps). An event that
     * names no reference is MALFORMED_EVENT; a delivery the report does not show yet fails, to be tried again.
     */
    public void read(Exchange exchange) {
        Message in = exchange.getIn();
        String type = in.getHeader(Handoff.RECORD_TYPE, String.class);
        Map<String, Object> fields;
        try {
            fields = json.readValue(in.getBody(String.class), FIELDS);
        } catch (Exception unreadable) {
            fields = Map.of();
        }
        String reference = text(fields.get("Reference"));
        if (reference.isEmpty()) {
            reference = text(fields.get(REFERENCE_COLUMN));
        }
        if (reference.isEmpty()) {
            in.setHeader(Handoff.CATEGORY, Category.MALFORMED_EVENT.name());
            in.setHeader(Handoff.REASON, "Peoplevox " + type + " (" + in.getHeader(Handoff.RECORD_KEY) + ") names no goods-in"
                    + " Reference");
            return;
        }
        String clause = SearchClauses.anyEquals("[" + REFERENCE_COLUMN + "]", List.of(reference));
        List<Map<String, String>> rows = peoplevox.getReport(props.goodsInReport(), clause, null, null).rows();
        if (rows.isEmpty()) {
            // the event came before the report shows the delivery: wait for it (transient), it is not an error yet
            throw new NotYet("peoplevox", Category.RECEIPT_MISMATCH, "Delivery " + reference
                    + ": Peoplevox report " + props.goodsInReport() + " shows no lines for it yet; tried again later");
        }
        Map<String, Map<String, Object>> byItem = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            String item = text(row.get("Item code"));
            int quantity = quantity(row.get("Quantity"));
            Map<String, Object> line = byItem.computeIfAbsent(item, k -> {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("reference", text(row.get(REFERENCE_COLUMN)));
                l.put("itemCode", k);
                l.put("prodNum", text(row.get("Purchase order number")));
                l.put("site", text(row.get("Site reference")));
                l.put("receivedDate", text(row.get("Reconciled date")).isEmpty() ? text(row.get("Delivery date"))
                        : text(row.get("Reconciled date")));
                l.put("quantity", 0);
                return l;
            });
            line.put("quantity", (Integer) line.get("quantity") + quantity);
        }
        in.setHeader("CherrypickSource", "GoodsReceived".equals(type) ? "event" : "report");
        in.setBody(new ArrayList<>(byItem.values()));
    }

    /**
     * One line of a delivery (body: a line map) is stored once and, when new, becomes the record to queue for Blue
     * Cherry (key reference|item, header CherrypickStored); its purchase order now counts as received.
     */
    public void received(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        @SuppressWarnings("unchecked")
        Map<String, Object> line = in.getBody(Map.class);
        String reference = text(line.get("reference"));
        String item = text(line.get("itemCode"));
        String prodNum = text(line.get("prodNum"));
        int quantity = ((Number) line.get("quantity")).intValue();
        Optional<Long> id = store.insertReceiptIfAbsent(reference, item, prodNum, text(line.get("site")), quantity,
                text(line.get("receivedDate")), in.getHeader("CherrypickSource", "report", String.class));
        in.setHeader(Handoff.STORED, id.isPresent());
        if (id.isEmpty()) {
            return;
        }
        in.setHeader(Handoff.RECORD_KEY, reference + "|" + item);
        in.setHeader(Handoff.REVISION, "");
        in.setHeader(Handoff.RECORD_TYPE, "goods-receipt");
        in.setBody(json.writeValueAsString(line));
        if (!prodNum.isEmpty() && store.find(prodNum).isPresent()) {
            store.firstReceipt(prodNum);
            store.note(prodNum, "Peoplevox booked in delivery " + reference + ": " + quantity + " x " + item
                    + "; queued for Blue Cherry");
        }
        log.info("Peoplevox booked in delivery {}: {} x {} against purchase order {}", reference, quantity, item,
                prodNum.isEmpty() ? "(none)" : prodNum);
    }

    /** A new batch of goods-in lines: no purchase order line credited in it yet. */
    public void newBatch(Exchange exchange) {
        exchange.setProperty(CREDITED_IN_BATCH, new HashMap<String, Integer>());
    }

    /**
     * A queued goods-in line matched to its purchase order lines: the body becomes the {@link ReceiptAllocation} to map,
     * or the line is held: RECEIPT_MISMATCH for the warehouse (unknown, cancelled or closed purchase order, item not on
     * it), OVER_RECEIPT for purchasing (more than the lines still expect, beyond the tolerance).
     */
    @SuppressWarnings("unchecked")
    public void match(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        Map<String, Object> fields = json.readValue(in.getBody(String.class), FIELDS);
        GoodsLine received = store.receipt(text(fields.get("reference")), text(fields.get("itemCode"))).orElseThrow(
                () -> new IllegalStateException("goods-in line " + in.getHeader(Handoff.RECORD_KEY) + " is not stored"));
        String label = "Delivery " + received.reference() + " item " + received.itemCode() + " (" + received.quantity()
                + " unit(s))";
        String prodNum = received.prodNum() == null ? "" : received.prodNum();
        Optional<PurchaseOrder> po = prodNum.isEmpty() ? Optional.empty() : store.find(prodNum);
        in.setHeader(PURCHASE_ORDER, prodNum);
        if (po.isEmpty()) {
            hold(in, Category.RECEIPT_MISMATCH, label + ": " + (prodNum.isEmpty() ? "names no purchase order"
                    : "purchase order '" + prodNum + "' is not one Cherrypick sent to Peoplevox") + ". Correct the delivery"
                    + " in Peoplevox, or have purchasing raise the purchase order in Blue Cherry, then replay.");
            return;
        }
        if (po.get().state() == State.CANCELLED || po.get().state() == State.CLOSED) {
            hold(in, Category.RECEIPT_MISMATCH, label + ": purchase order " + prodNum + " is "
                    + po.get().state().name().toLowerCase() + " in Blue Cherry (stage " + po.get().stageNum()
                    + "). Purchasing reopens it (stage " + props.openStage() + ") and replays, or the goods go back.");
            return;
        }
        List<Line> lines = store.lines(prodNum).stream().filter(l -> l.itemCode().equals(received.itemCode())).toList();
        if (lines.isEmpty()) {
            hold(in, Category.RECEIPT_MISMATCH, label + ": item " + received.itemCode() + " is not on purchase order "
                    + prodNum + ". Correct the item booked in Peoplevox, or have purchasing add the line, then replay.");
            return;
        }
        Map<String, Integer> credited = store.credited(prodNum);
        Map<String, Integer> inBatch = exchange.getProperty(CREDITED_IN_BATCH, Map.class);
        if (inBatch != null) {
            inBatch.forEach((k, v) -> {
                if (k.startsWith(prodNum + "|")) {
                    credited.merge(k.substring(prodNum.length() + 1), v, Integer::sum);
                }
            });
        }
        List<ReceiptAllocation.Credit> credits = new ArrayList<>();
        int left = received.quantity();
        int ordered = 0;
        int before = 0;
        for (Line l : lines) {
            ordered += l.ordered();
            int already = credited.getOrDefault(l.prodLine(), 0);
            before += already;
            int take = Math.min(left, Math.max(0, l.ordered() - already));
            if (take > 0) {
                credits.add(new ReceiptAllocation.Credit(l, take));
                left -= take;
            }
        }
        boolean over = left > 0;
        if (over) {
            long allowed = (long) Math.floor(ordered * props.overReceiptTolerance() / 100.0);
            long overBy = (long) before + received.quantity() - ordered;
            if (overBy > allowed) {
                hold(in, Category.OVER_RECEIPT, label + ": purchase order " + prodNum + " ordered " + ordered + " of item "
                        + received.itemCode() + " and " + before + " were received before, so " + Math.max(0, ordered - before)
                        + " were still expected; " + overBy + " too many, beyond the tolerance of "
                        + props.overReceiptTolerance() + "% (" + allowed + " unit(s)). Purchasing: raise the line in Blue"
                        + " Cherry and replay, or agree the return of the surplus with the supplier and discard.");
                return;
            }
            Line last = lines.get(lines.size() - 1);
            int onLast = credits.stream().filter(c -> c.line() == last).mapToInt(ReceiptAllocation.Credit::quantity).sum();
            credits.removeIf(c -> c.line() == last);
            credits.add(new ReceiptAllocation.Credit(last, onLast + left));
        }
        if (inBatch != null) {
            credits.forEach(c -> inBatch.merge(prodNum + "|" + c.line().prodLine(), c.quantity(), Integer::sum));
        }
        // as Peoplevox wrote it (its zone); the mapping's blueCherryDate(receipt_date) makes it Blue Cherry's day
        String date = PeoplevoxDates.parse(received.receivedDate()).isPresent() ? received.receivedDate()
                : Instant.now().toString();
        // the isa_num: allocated once per goods-in line (kind: the queue, key: the record's), the same on every resend
        long isaNum = numbers.number(InboundFlow.RECEIPT_FLOW, received.reference() + "|" + received.itemCode());
        ReceiptAllocation receipt = new ReceiptAllocation(received, isaNum, locationFor(received.site(), po.get().location()), date,
                credits, over);
        in.setHeader(RECEIPT, receipt);
        in.setBody(receipt);
    }

    /** Body: the receipt as mapped by {@code mapping}; becomes its Blue Cherry rows (one per purchase order line). */
    public void document(Exchange exchange, String mapping) {
        exchange.getIn().setBody(mappings.documents(mapping, "receipts", exchange.getIn().getBody(MappedRecord.class)));
    }

    /** Blue Cherry took these goods-in lines (a batch, or one): each is POSTED, and its purchase order moves on. */
    public void confirmed(Exchange exchange) {
        List<SkuSite> moved = new ArrayList<>(); // marked in one pass, in SKU and site order
        for (Message m : Handoff.records(exchange)) {
            ReceiptAllocation r = m.getHeader(RECEIPT, ReceiptAllocation.class);
            String pkeyText = m.getHeader(BlueCherry.PKEY, "", String.class).trim();
            Long pkey = pkeyText.matches("\\d+") ? Long.valueOf(pkeyText) : null;
            GoodsLine g = r.received();
            Map<String, Integer> credits = new LinkedHashMap<>();
            r.credits().forEach(c -> credits.merge(c.line().prodLine(), c.quantity(), Integer::sum));
            String note = "Blue Cherry took delivery " + g.reference() + ": " + g.quantity() + " x " + g.itemCode()
                    + " on line(s) " + credits.keySet() + " (isa_num " + r.isaNum() + (pkey == null ? "" : ", receipt " + pkey)
                    + (r.overReceipt() ? ", over-receipt within tolerance" : "") + ")";
            store.posted(g.id(), pkey, credits, g.prodNum(), note);
            progress(g.prodNum(), note);
            // the receipt put the units into Blue Cherry's stock: the next overlay tells it the level again
            moved.add(SkuSite.movedAt(g.itemCode(), g.site()));
            log.info("{}", note);
        }
        stock.movedInBlueCherry(moved);
    }

    /**
     * True when Blue Cherry refused a receipt because it holds its isa_num already and an earlier POST of it may have
     * gone in (its answer was lost). For a number never posted before, the same words mean another document holds it.
     */
    public boolean alreadyHeld(Exchange exchange) {
        return Boolean.TRUE.equals(exchange.getIn().getHeader(BlueCherryDocuments.MAYBE_POSTED, Boolean.class))
                && refusedAsDuplicate(exchange.getIn());
    }

    private static boolean refusedAsDuplicate(Message in) {
        ReceiptAllocation r = in.getHeader(RECEIPT, ReceiptAllocation.class);
        return r != null && in.getHeader(BlueCherry.REFUSAL, "", String.class).contains("Duplicate isa_num " + r.isaNum());
    }

    /** The sentence for a receipt Blue Cherry refused alone. */
    public String refusal(Exchange exchange) {
        Message in = exchange.getIn();
        ReceiptAllocation r = in.getHeader(RECEIPT, ReceiptAllocation.class);
        String what = (r == null ? "Goods-in line " + in.getHeader(Handoff.RECORD_KEY) : r.describe())
                + " refused by Blue Cherry: " + in.getHeader(BlueCherry.REFUSAL);
        if (refusedAsDuplicate(in)) {
            return what + ". Cherrypick never posted isa_num " + r.isaNum() + " before, so another document holds that"
                    + " number (a restored database or another system): check in Blue Cherry whether this receipt is there;"
                    + " if it is, resolve this exception, if not, enter it in Blue Cherry by hand.";
        }
        return what + ". Fix the data in Blue Cherry and replay.";
    }

    /** A goods-in line held, refused or given up: it shows the exception, and so does its purchase order. */
    public void flagged(Exchange exchange) {
        Message in = exchange.getIn();
        String reason = in.getHeader(Handoff.REASON, String.class);
        receiptOf(in.getHeader(Handoff.RECORD_KEY, String.class)).ifPresent(g -> {
            store.receiptState(g.id(), EXCEPTION, reason);
            if (g.prodNum() != null && store.find(g.prodNum()).isPresent()) {
                store.flagException(g.prodNum(), true);
                store.note(g.prodNum(), reason);
            }
        });
    }

    /**
     * A goods-in line whose exception a person resolved or discarded (the queue's skipped hook; header
     * CherrypickSkipReason: who closed it and why): NOT_SENT, never posted to Blue Cherry; its purchase order's note says
     * so, and the purchase order shows an exception only while another one still waits.
     */
    public void skipped(@Header(Handoff.RECORD_KEY) String key, @Header(Handoff.SKIP_REASON) String reason) {
        receiptOf(key).ifPresent(g -> {
            String note = "Delivery " + g.reference() + " (" + g.quantity() + " x " + g.itemCode()
                    + ") not posted to Blue Cherry: " + reason;
            store.receiptState(g.id(), NOT_SENT, note);
            if (g.prodNum() != null && store.find(g.prodNum()).isPresent()) {
                store.note(g.prodNum(), note);
                exceptionFlag.refresh(g.prodNum());
            }
            log.info("{}", note);
        });
    }

    /** The goods-in line a record's key (reference|item) names. */
    private Optional<GoodsLine> receiptOf(String key) {
        String[] parts = key == null ? new String[0] : key.split("\\|", 2);
        return parts.length == 2 ? store.receipt(parts[0], parts[1]) : Optional.empty();
    }

    /** The purchase order is RECEIVED when every line has its units posted, else PARTLY_RECEIVED. */
    private void progress(String prodNum, String note) {
        Optional<PurchaseOrder> po = store.find(prodNum);
        if (po.isEmpty() || po.get().state() == State.CANCELLED || po.get().state() == State.CLOSED) {
            return;
        }
        Map<String, Integer> credited = store.credited(prodNum);
        boolean all = store.lines(prodNum).stream().allMatch(l -> credited.getOrDefault(l.prodLine(), 0) >= l.ordered());
        store.state(prodNum, all ? State.RECEIVED : State.PARTLY_RECEIVED, note);
        exceptionFlag.refresh(prodNum);
    }

    /**
     * Where the goods were booked in, as a Blue Cherry location: the purchase order's location when the Peoplevox site
     * is its site (mapping site), else the first location mapped to that site, else the purchase order's.
     */
    private String locationFor(String site, String poLocation) {
        if (site == null || site.isBlank()) {
            return poLocation;
        }
        List<String> locations = valueMappings.all(ValueMappingStore.SITE).entrySet().stream()
                .filter(e -> e.getValue().equals(site)).map(Map.Entry::getKey).sorted().toList();
        return locations.isEmpty() || locations.contains(poLocation) ? poLocation : locations.get(0);
    }

    private static void hold(Message in, Category category, String reason) {
        in.setHeader(Handoff.CATEGORY, category.name());
        in.setHeader(Handoff.REASON, reason);
        in.setHeader(Handoff.OUTCOME, HandoffStore.HELD);
    }

    private static int quantity(String text) {
        try {
            return new java.math.BigDecimal(text.trim()).intValueExact();
        } catch (RuntimeException notWhole) {
            throw new IllegalArgumentException("Quantity '" + text + "' is not a whole number");
        }
    }

    static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }
}
