package io.cherrypick.ops;

import java.util.ArrayList;
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
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.PurchaseOrderStore;
import io.cherrypick.store.PurchaseOrderStore.GoodsLine;
import io.cherrypick.store.PurchaseOrderStore.Line;
import io.cherrypick.store.PurchaseOrderStore.PurchaseOrder;
import io.cherrypick.store.PurchaseOrderStore.State;

/**
 * "Where is this PO?" for purchasing and the warehouse: a purchase order's state, its lines (ordered, received and
 * posted to Blue Cherry, open), the deliveries booked in against it and the open exceptions of both; lists by state.
 */
@RestController
@RequestMapping("/api")
public class PurchaseOrdersApiController {
    private final PurchaseOrderStore store;
    private final ExceptionStore exceptions;

    public PurchaseOrdersApiController(PurchaseOrderStore store, ExceptionStore exceptions) {
        this.store = store;
        this.exceptions = exceptions;
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
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Line l : store.lines(po.prodNum())) {
            int done = posted.getOrDefault(l.prodLine(), 0);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("prodLine", l.prodLine());
            line.put("itemCode", l.itemCode());
            line.put("upc", l.upc());
            line.put("style", l.style());
            line.put("colorCode", l.colorCode());
            line.put("sizeDesc", l.sizeDesc());
            line.put("ordered", l.ordered());
            line.put("posted", done);
            line.put("open", Math.max(0, l.ordered() - done));
            lines.add(line);
        }
        List<GoodsLine> receipts = store.receiptsOf(po.prodNum());
        List<ExceptionRecord> open = new ArrayList<>(exceptions.openFor(InboundFlow.PURCHASE_ORDER_FLOW, po.prodNum()));
        receipts.forEach(r -> open.addAll(exceptions.openFor(InboundFlow.RECEIPT_FLOW, r.reference() + "|" + r.itemCode())));
        Map<String, Object> view = header(po);
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
