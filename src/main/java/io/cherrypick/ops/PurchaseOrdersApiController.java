package io.cherrypick.ops;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cherrypick.flow.inbound.InboundFlow;
import io.cherrypick.ops.StuckPurchaseOrders.StuckPurchaseOrder;
import io.cherrypick.ops.lists.Csv;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.PurchaseOrderStore;
import io.cherrypick.store.PurchaseOrderStore.GoodsLine;
import io.cherrypick.store.PurchaseOrderStore.Line;
import io.cherrypick.store.PurchaseOrderStore.PurchaseOrder;
import io.cherrypick.store.PurchaseOrderStore.State;

/**
 * "Where is this PO?" for purchasing and the warehouse: a purchase order's state, its lines (ordered, received and
 * posted to Blue Cherry, open), the deliveries booked in against it and the open exceptions of both; lists by state;
 * the late ones ({@link StuckPurchaseOrders}); and finance's inbound reconciliation ({@link InboundReconciliation}).
 */
@RestController
@RequestMapping("/api")
public class PurchaseOrdersApiController {
    private final PurchaseOrderStore store;
    private final ExceptionStore exceptions;
    private final StuckPurchaseOrders stuck;
    private final InboundReconciliation reconciliation;

    public PurchaseOrdersApiController(PurchaseOrderStore store, ExceptionStore exceptions, StuckPurchaseOrders stuck,
                                       InboundReconciliation reconciliation) {
        this.store = store;
        this.exceptions = exceptions;
        this.stuck = stuck;
        this.reconciliation = reconciliation;
    }

    /** Open purchase orders still expecting units longer than cherrypick.flows.inbound.stuck-grace after their date. */
    @GetMapping("/purchase-orders/stuck")
    public List<StuckPurchaseOrder> stuck(@RequestParam(defaultValue = "100") int limit) {
        return stuck.list(Math.max(1, Math.min(limit, 1000)));
    }

    /**
     * Inbound reconciliation: units booked in by the warehouse against units posted to Blue Cherry, per day and site and
     * per purchase order ({@code from}, {@code to}: days, both included; default the last 7 days); {@code format=csv}:
     * the purchase orders as a spreadsheet file ({@code by=day}: the days and sites).
     */
    @GetMapping("/reconciliation/inbound")
    public ResponseEntity<?> inboundReconciliation(@RequestParam(required = false) LocalDate from,
                                                   @RequestParam(required = false) LocalDate to,
                                                   @RequestParam(defaultValue = "json") String format,
                                                   @RequestParam(defaultValue = "purchase-order") String by) {
        LocalDate last = to != null ? to : LocalDate.now(reconciliation.zone());
        LocalDate first = from != null ? from : last.minusDays(6);
        if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) > 366) {
            return ResponseEntity.badRequest().body(Map.of("error", "from " + first + " to " + last
                    + ": 'to' must not be before 'from', and a report covers at most 366 days"));
        }
        InboundReconciliation.Report report = reconciliation.report(first, last);
        if (!"csv".equalsIgnoreCase(format)) {
            return ResponseEntity.ok(report);
        }
        boolean byDay = "day".equalsIgnoreCase(by);
        return Csv.download("inbound-" + (byDay ? "days-" : "purchase-orders-") + first + "-" + last + ".csv",
                byDay ? InboundReconciliation.csvByDay(report) : InboundReconciliation.csvByPurchaseOrder(report));
    }

    @GetMapping("/purchase-orders/{prodNum}")
    public ResponseEntity<Map<String, Object>> purchaseOrder(@PathVariable String prodNum) {
        return store.find(prodNum).map(po -> ResponseEntity.ok(view(po))).orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/purchase-orders")
    public List<Map<String, Object>> purchaseOrders(@RequestParam(required = false) State state,
                                                    @RequestParam(defaultValue = "100") int limit) {
        return store.list(state, Math.min(limit, 1000)).stream().map(PurchaseOrdersApiController::header).toList();
    }

    private Map<String, Object> view(PurchaseOrder po) {
        Map<String, Integer> posted = store.credited(po.prodNum());
        List<GoodsLine> receipts = store.receiptsOf(po.prodNum());
        // units booked in but not (yet) posted, by item: shown on the first line of the item
        Map<String, Integer> waiting = new HashMap<>();
        receipts.stream().filter(r -> !"POSTED".equals(r.state()))
                .forEach(r -> waiting.merge(r.itemCode(), r.quantity(), Integer::sum));
        List<Map<String, Object>> lines = new ArrayList<>();
        int ordered = 0;
        int received = 0;
        int postedUnits = 0;
        for (Line l : store.lines(po.prodNum())) {
            int done = posted.getOrDefault(l.prodLine(), 0);
            int booked = done + Math.max(0, waiting.getOrDefault(l.itemCode(), 0));
            waiting.remove(l.itemCode());
            ordered += l.ordered();
            received += booked;
            postedUnits += done;
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("prodLine", l.prodLine());
            line.put("itemCode", l.itemCode());
            line.put("upc", l.upc());
            line.put("style", l.style());
            line.put("colorCode", l.colorCode());
            line.put("sizeDesc", l.sizeDesc());
            line.put("ordered", l.ordered());
            line.put("received", booked);
            line.put("posted", done);
            line.put("open", Math.max(0, l.ordered() - done));
            lines.add(line);
        }
        List<ExceptionRecord> open = new ArrayList<>(exceptions.openFor(InboundFlow.PURCHASE_ORDER_FLOW, po.prodNum()));
        receipts.forEach(r -> open.addAll(exceptions.openFor(InboundFlow.RECEIPT_FLOW, r.reference() + "|" + r.itemCode())));
        Map<String, Object> view = header(po);
        view.put("unitsOrdered", ordered);
        view.put("unitsReceived", received);
        view.put("unitsPosted", postedUnits);
        view.put("unitsExpected", Math.max(0, ordered - postedUnits));
        view.put("lines", lines);
        view.put("receipts", receipts);
        view.put("openExceptions", open);
        return view;
    }

    private static Map<String, Object> header(PurchaseOrder po) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("prodNum", po.prodNum());
        view.put("stageNum", po.stageNum());
        view.put("supplier", po.supplier());
        view.put("location", po.location());
        view.put("site", po.site());
        view.put("expectedDate", po.expectedDate());
        view.put("state", po.state());
        view.put("exceptionOpen", po.exceptionOpen());
        view.put("note", po.note());
        view.put("revision", po.revision());
        view.put("sentRevision", po.sentRevision());
        view.put("createdAt", po.createdAt());
        view.put("sentAt", po.sentAt());
        view.put("firstReceiptAt", po.firstReceiptAt());
        view.put("updatedAt", po.updatedAt());
        return view;
    }
}
