package io.cherrypick.flow.inbound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cherrypick.catalog.ItemCodes;
import io.cherrypick.catalog.PeoplevoxItemCatalog;
import io.cherrypick.failure.Category;
import io.cherrypick.failure.Owner;
import io.cherrypick.failure.Problem;
import io.cherrypick.flow.order.SalesOrderValidator;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.store.PurchaseOrderStore;
import io.cherrypick.store.PurchaseOrderStore.Line;
import io.cherrypick.store.PurchaseOrderStore.PurchaseOrder;
import io.cherrypick.store.PurchaseOrderStore.State;
import io.cherrypick.store.ValueMappingStore;

/**
 * The steps of routes/inbound.camel.yaml on purchase orders (bean {@code purchaseOrders}): what a pulled Blue Cherry
 * purchase order changes, whether Peoplevox can take it, and what its outcome means for the purchase order as
 * purchasing sees it ({@code GET /api/purchase-orders/{po}}). The purchase order is named by header CherrypickRecordKey.
 */
@Component("purchaseOrders")
public class PurchaseOrderSteps {
    /**
     * Header: what a pulled purchase order is to Cherrypick: NEW, CHANGED, CANCELLED (queued for Peoplevox), DROPPED
     * (cancelled before it was ever sent), CLOSED, UNCHANGED, IGNORED (not at the open stage, never sent),
     * CHANGED_AFTER_RECEIPT (an exception for purchasing) or INVALID.
     */
    public static final String CHANGE = "CherrypickPoChange";
    /** Field of a queued purchase order: its lines Blue Cherry removed since Peoplevox was told (closed there). */
    static final String CLOSED_LINES = "cherrypick_closed_lines";
    /** Header: the units a purchase order expects (for the note when Peoplevox took it). */
    static final String UNITS = "CherrypickUnits";
    private static final int MAX_NUMBER = 50;
    private static final Logger log = LoggerFactory.getLogger(PurchaseOrderSteps.class);
    private static final TypeReference<LinkedHashMap<String, String>> CONTENT = new TypeReference<>() {
    };

    private final PurchaseOrderStore store;
    private final ItemCodes itemCodes;
    private final PeoplevoxItemCatalog catalog;
    private final ValueMappingStore mappings;
    private final InboundProperties props;
    private final ObjectMapper json;
    private final PurchaseOrderExceptionFlag exceptionFlag;

    public PurchaseOrderSteps(PurchaseOrderStore store, ItemCodes itemCodes, PeoplevoxItemCatalog catalog,
                              ValueMappingStore mappings, InboundProperties props, ObjectMapper json,
                              PurchaseOrderExceptionFlag exceptionFlag) {
        this.exceptionFlag = exceptionFlag;
        this.store = store;
        this.itemCodes = itemCodes;
        this.catalog = catalog;
        this.mappings = mappings;
        this.props = props;
        this.json = json;
    }

    /**
     * A pulled purchase order (body: as Blue Cherry sent it; header CherrypickRevision: its last_mod) is stored and
     * header {@link #CHANGE} says what it means. Before the first receipt a change or cancellation is queued for Peoplevox
     * (the body then carries the lines Blue Cherry removed, to close them there); after it, a change is an exception for
     * purchasing naming every field that differs from what Peoplevox holds, and Peoplevox keeps the order as it was.
     */
    public void pulled(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        ObjectNode po = (ObjectNode) json.readTree(in.getBody(String.class));
        String revision = in.getHeader(Handoff.REVISION, "", String.class);
        String prodNum = text(po, "prod_num");
        if (prodNum.isEmpty()) {
            in.setHeader(CHANGE, "INVALID");
            in.setHeader(Handoff.CATEGORY, Category.VALIDATION.name());
            in.setHeader(Handoff.REASON, "Blue Cherry purchase order " + in.getHeader(Handoff.RECORD_KEY) + " has no prod_num;"
                    + " it cannot go to Peoplevox. Fix it in Blue Cherry (its next change is pulled again).");
            return;
        }
        boolean open = props.openStage().equals(text(po, "stage_num"));
        List<Line> lines = lines(prodNum, po);
        Optional<PurchaseOrder> known = store.find(prodNum);
        if (known.isEmpty()) {
            if (!open) {
                in.setHeader(CHANGE, "IGNORED");
                return;
            }
            store.save(header(po, prodNum, revision, lines, State.QUEUED, "queued for Peoplevox"), lines);
            in.setHeader(CHANGE, "NEW");
            return;
        }
        PurchaseOrder before = known.get();
        boolean received = before.firstReceiptAt() != null;
        if (!open) {
            if (before.state() == State.CANCELLED || before.state() == State.CLOSED) {
                store.touch(prodNum, revision, null);
                in.setHeader(CHANGE, "UNCHANGED");
            } else if (received) {
                String stage = text(po, "stage_num");
                List<String> expected = stillExpected(prodNum);
                store.state(prodNum, State.CLOSED, "left stage " + props.openStage() + " in Blue Cherry (now stage '"
                        + stage + "') after receipts: closed; Peoplevox is not told");
                store.touch(prodNum, revision, null);
                in.setHeader(CHANGE, "CLOSED");
                if (!expected.isEmpty()) {
                    // a cancellation after goods arrived: purchasing settles the rest the warehouse still expects
                    in.setHeader(CHANGE, "CHANGED_AFTER_RECEIPT");
                    afterReceipt(in, prodNum, revision, List.of("stage: '" + props.openStage() + "' -> '" + stage + "'"),
                            " Still expected by the warehouse: " + String.join(", ", expected) + ".");
                }
            } else if (before.sentRevision() == null) {
                store.save(header(po, prodNum, revision, lines, State.CANCELLED, "left stage " + props.openStage()
                        + " in Blue Cherry before it was sent: never goes to Peoplevox"), lines);
                in.setHeader(CHANGE, "DROPPED");
            } else {
                store.save(header(po, prodNum, revision, lines, before.state(), "left stage " + props.openStage()
                        + " in Blue Cherry (now stage '" + text(po, "stage_num") + "') before any receipt: queued to be"
                        + " cancelled in Peoplevox"), lines);
                in.setHeader(CHANGE, "CANCELLED");
            }
            return;
        }
        String content = content(po, lines);
        if (content.equals(before.content()) && before.state() != State.CANCELLED) {
            store.touch(prodNum, revision, null);
            in.setHeader(CHANGE, "UNCHANGED");
            return;
        }
        if (received) {
            List<String> differences = PurchaseOrderDiff.between(json.readValue(before.content(), CONTENT),
                    json.readValue(content, CONTENT));
            store.touch(prodNum, revision, "changed in Blue Cherry after the first receipt (revision " + revision
                    + "): not sent; see the exception");
            in.setHeader(CHANGE, "CHANGED_AFTER_RECEIPT");
            afterReceipt(in, prodNum, revision, differences, "");
            return;
        }
        List<Line> removed = new ArrayList<>(store.lines(prodNum));
        Set<String> kept = lines.stream().map(Line::prodLine).collect(Collectors.toSet());
        removed.removeIf(l -> kept.contains(l.prodLine()));
        State state = before.state() == State.CANCELLED ? State.QUEUED : before.state();
        store.save(header(po, prodNum, revision, lines, state, "changed in Blue Cherry (revision " + revision
                + "): queued for Peoplevox again"), lines);
        if (!removed.isEmpty()) {
            po.set(CLOSED_LINES, json.valueToTree(removed));
        }
        in.setBody(po.toString());
        in.setHeader(CHANGE, "CHANGED");
    }

    /**
     * Whether Peoplevox can take a queued purchase order (body: as pulled): a site for its location, lines with an
     * ItemCode Peoplevox has and a quantity. The body becomes the {@link PurchaseOrderDocument} to map, or the purchase
     * order is held whole (SKU_MISMATCH when only items are missing: it goes by itself once the item flow sent them).
     */
    public void check(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        JsonNode po = json.readTree(in.getBody(String.class));
        String prodNum = in.getHeader(Handoff.RECORD_KEY, String.class);
        String label = "Purchase order " + prodNum;
        boolean cancelled = !props.openStage().equals(text(po, "stage_num"));
        List<Line> lines = lines(prodNum, po);
        List<Problem> problems = new ArrayList<>();
        if (prodNum.length() > MAX_NUMBER) {
            problems.add(new Problem(Category.VALIDATION, label + ": prod_num is " + prodNum.length()
                    + " characters; Peoplevox PurchaseOrderNumber allows " + MAX_NUMBER));
        }
        String location = location(po);
        String site = location.isEmpty() ? null : mappings.lookup(ValueMappingStore.SITE, location).orElse(null);
        if (location.isEmpty()) {
            problems.add(new Problem(Category.MISSING_WAREHOUSE, label + ": no line has a location, so it has no"
                    + " Peoplevox site"));
        } else if (site == null) {
            problems.add(new Problem(Category.MISSING_WAREHOUSE, label + ": location '" + location
                    + "' has no Peoplevox site mapping (add it under mappings 'site')"));
        }
        if (!cancelled) {
            if (lines.isEmpty()) {
                problems.add(new Problem(Category.VALIDATION, label + " has no lines (productionorderdetailbystage.rows is empty)"));
            }
            Set<String> missing = catalog.missing(lines.stream().map(Line::itemCode).filter(c -> !c.isEmpty())
                    .collect(Collectors.toSet()));
            for (Line l : lines) {
                String lineLabel = label + " line " + l.prodLine();
                if (l.ordered() <= 0) {
                    problems.add(new Problem(Category.VALIDATION, lineLabel + ": prod_qty must be a whole number above 0"));
                }
                if (l.itemCode().isEmpty()) {
                    problems.add(new Problem(Category.VALIDATION, lineLabel + ": field " + itemCodes.sourceFieldName()
                            + " is empty, so the line has no Peoplevox ItemCode"));
                } else if (missing.contains(l.itemCode())) {
                    problems.add(new Problem(Category.SKU_MISMATCH, lineLabel + ": item " + l.itemCode() + " (style "
                            + l.style() + " " + l.colorCode() + " " + l.sizeDesc() + ") does not exist in Peoplevox"));
                }
            }
        }
        if (!problems.isEmpty()) {
            in.setHeader(Handoff.CATEGORY, SalesOrderValidator.mainCategory(problems).name());
            in.setHeader(Handoff.REASON, problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
            in.setHeader(Handoff.OUTCOME, HandoffStore.HELD);
            return;
        }
        List<Line> closed = new ArrayList<>();
        po.path(CLOSED_LINES).forEach(l -> closed.add(json.convertValue(l, Line.class)));
        in.setHeader(UNITS, lines.stream().mapToInt(Line::ordered).sum());
        in.setBody(new PurchaseOrderDocument(po, prodNum, supplier(po), location, site, cancelled, lines, closed));
    }

    /** Peoplevox took these purchase orders (a batch of mapped ones): each is SENT_TO_PEOPLEVOX, or CANCELLED. */
    public void sent(List<Message> accepted) {
        for (Message m : accepted) {
            String prodNum = m.getHeader(Handoff.RECORD_KEY, String.class);
            String revision = m.getHeader(Handoff.REVISION, "", String.class);
            PurchaseOrder po = store.find(prodNum).orElseThrow();
            boolean cancelled = po.state() == State.CANCELLED || !props.openStage().equals(po.stageNum());
            State state = cancelled ? State.CANCELLED
                    : po.state() == State.QUEUED ? State.SENT_TO_PEOPLEVOX : po.state();
            String note = cancelled ? "cancelled in Peoplevox" : "expected by Peoplevox: " + store.lines(prodNum).size()
                    + " line(s), " + m.getHeader(UNITS) + " unit(s), site " + po.site() + ", revision " + revision;
            store.sent(prodNum, revision, state, note);
        }
        if (!accepted.isEmpty()) {
            log.info("{} purchase order(s) sent to Peoplevox: {}", accepted.size(),
                    accepted.stream().map(m -> m.getHeader(Handoff.RECORD_KEY)).toList());
        }
    }

    /** A purchase order held, refused or given up (or changed after receipt): it shows the exception and why. */
    public void flagged(Exchange exchange) {
        String prodNum = exchange.getIn().getHeader(Handoff.RECORD_KEY, String.class);
        if (store.find(prodNum).isPresent()) {
            store.flagException(prodNum, true);
            store.note(prodNum, exchange.getIn().getHeader(Handoff.REASON, String.class));
        }
    }

    /**
     * A purchase order whose exception a person resolved or discarded (the queue's skipped hook; header
     * CherrypickSkipReason: who closed it and why): this revision is not sent to Peoplevox; the purchase order keeps its
     * state, its note says why, and it shows an exception only while another one (a goods-in line) still waits.
     */
    public void skipped(@Header(Handoff.RECORD_KEY) String prodNum, @Header(Handoff.SKIP_REASON) String reason) {
        if (store.find(prodNum).isPresent()) {
            store.note(prodNum, "Not sent to Peoplevox: " + reason);
            exceptionFlag.refresh(prodNum);
        }
    }

    /** The exception for purchasing: a change (or cancellation) after goods arrived, with every field that differs. */
    private static void afterReceipt(Message in, String prodNum, String revision, List<String> differences, String more) {
        in.setHeader(Handoff.CATEGORY, Category.PURCHASE_ORDER_CHANGED.name());
        in.setHeader(Handoff.OWNER, Owner.PURCHASING.name());
        in.setHeader(Handoff.REASON, "Purchase order " + prodNum + " changed in Blue Cherry (revision " + revision
                + ") after the warehouse received goods against it, so Peoplevox keeps it as it was. Differences: "
                + String.join("; ", differences) + "." + more + " Purchasing: settle it with the supplier and the"
                + " warehouse (e.g. a new purchase order for the rest), then discard this exception.");
    }

    /** "line 1: 6 of 10 (item X)" for each line whose units are not all posted to Blue Cherry yet. */
    private List<String> stillExpected(String prodNum) {
        Map<String, Integer> posted = store.credited(prodNum);
        List<String> open = new ArrayList<>();
        for (Line l : store.lines(prodNum)) {
            int left = l.ordered() - posted.getOrDefault(l.prodLine(), 0);
            if (left > 0) {
                open.add("line " + l.prodLine() + ": " + left + " of " + l.ordered() + " (item " + l.itemCode() + ")");
            }
        }
        return open;
    }

    /** The purchase order's lines with their Peoplevox ItemCode (prod_line by position when Blue Cherry gives none). */
    List<Line> lines(String prodNum, JsonNode po) {
        List<Line> lines = new ArrayList<>();
        int position = 0;
        for (JsonNode row : po.path("productionorderdetailbystage").path("rows")) {
            position++;
            String prodLine = text(row, "prod_line").isEmpty() ? Integer.toString(position) : text(row, "prod_line");
            int qty;
            try {
                qty = new java.math.BigDecimal(text(row, "prod_qty")).intValueExact();
            } catch (ArithmeticException | NumberFormatException notWhole) {
                qty = 0;
            }
            lines.add(new Line(prodNum, prodLine, itemCodes.itemCode(row, text(row, "style")), text(row, "style"),
                    text(row, "color_code"), text(row, "lbl_code"), text(row, "dimension"), text(row, "size_desc"),
                    text(row, "upc"), qty, text(row, "cost")));
        }
        return lines;
    }

    /** The Blue Cherry location the goods are expected at: the first line's that has one. */
    static String location(JsonNode po) {
        for (JsonNode row : po.path("productionorderdetailbystage").path("rows")) {
            if (!text(row, "location").isEmpty()) {
                return text(row, "location");
            }
        }
        return "";
    }

    private String supplier(JsonNode po) {
        for (JsonNode address : po.path("productionorderaddressbystage").path("rows")) {
            if (props.supplierAddressType().equalsIgnoreCase(text(address, "addr_type"))) {
                return text(address, "name");
            }
        }
        return "";
    }

    private PurchaseOrder header(JsonNode po, String prodNum, String revision, List<Line> lines, State state, String note)
            throws Exception {
        String location = location(po);
        String site = location.isEmpty() ? null : mappings.lookup(ValueMappingStore.SITE, location).orElse(null);
        return new PurchaseOrder(prodNum, text(po, "stage_num"), supplier(po), location, site, text(po, "due_date"),
                revision, null, content(po, lines), state, false, note, null, null, null, null);
    }

    /** What Peoplevox is told of a purchase order, field by field in words purchasing knows (JSON). */
    private String content(JsonNode po, List<Line> lines) throws Exception {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("supplier", supplier(po));
        c.put("expected delivery date (due_date)", text(po, "due_date"));
        c.put("location", location(po));
        for (Line l : lines) {
            String prefix = "line " + l.prodLine() + " ";
            c.put(prefix + "item", l.itemCode());
            c.put(prefix + "quantity", Integer.toString(l.ordered()));
            c.put(prefix + "cost", l.cost());
        }
        return json.writeValueAsString(c);
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? "" : v.asText().trim();
    }
}
