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

import io.cherrypick.bluecherry.model.AuthorisedLine;
import io.cherrypick.flow.returns.ReturnsFlow;
import io.cherrypick.peoplevox.model.PvxReturn;
import io.cherrypick.store.Authorisation;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.Receipt;
import io.cherrypick.store.ReceiptState;
import io.cherrypick.store.ReturnState;
import io.cherrypick.store.ReturnStore;
import io.cherrypick.store.ReturnStore.LineKey;

/**
 * "Where is this return?" for customer service: a return authorisation with its lines (authorised, credited, open),
 * the returns Peoplevox booked in against it or its sales order, and the open exceptions of both; lists by state.
 */
@RestController
@RequestMapping("/api")
public class ReturnsApiController {
    private final ReturnStore store;
    private final ExceptionStore exceptions;

    public ReturnsApiController(ReturnStore store, ExceptionStore exceptions) {
        this.store = store;
        this.exceptions = exceptions;
    }

    @GetMapping("/returns/{raNumber}")
    public ResponseEntity<Map<String, Object>> authorisation(@PathVariable String raNumber) {
        return store.authorisation(raNumber).map(ra -> ResponseEntity.ok(view(ra))).orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/returns")
    public List<Authorisation> authorisations(@RequestParam(required = false) ReturnState state,
                                              @RequestParam(required = false) Boolean exception,
                                              @RequestParam(defaultValue = "100") int limit) {
        return store.authorisations(state, exception, Math.min(limit, 1000));
    }

    /** Received returns, e.g. {@code ?state=EXCEPTION} for those waiting for the warehouse (unmatched ones included). */
    @GetMapping("/return-receipts")
    public List<Receipt> receipts(@RequestParam(required = false) ReceiptState state,
                                  @RequestParam(defaultValue = "100") int limit) {
        return store.receipts(state, Math.min(limit, 1000));
    }

    private Map<String, Object> view(Authorisation ra) {
        Map<LineKey, Integer> credited = store.credited(List.of(ra.raNum()));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (AuthorisedLine l : store.lines(List.of(ra.raNum()))) {
            int done = credited.getOrDefault(new LineKey(l.raNum(), l.lineSeq()), 0);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("lineSeq", l.lineSeq());
            line.put("itemCode", l.itemCode());
            line.put("upc", l.upc());
            line.put("style", l.style());
            line.put("colorCode", l.colorCode());
            line.put("sizeDesc", l.sizeDesc());
            line.put("authorised", l.raQty());
            line.put("credited", done);
            line.put("open", Math.max(0, l.raQty() - done));
            lines.add(line);
        }
        List<Receipt> receipts = store.receiptsOf(ra);
        List<ExceptionRecord> open = new ArrayList<>(exceptions.openFor(ReturnsFlow.AUTHORISATION_FLOW, ra.raNum()));
        receipts.forEach(r -> open.addAll(exceptions.openFor(ReturnsFlow.RECEIPT_FLOW, r.key())));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("raNum", ra.raNum());
        view.put("ordNum", ra.ordNum());
        view.put("pickNum", ra.pickNum());
        view.put("customer", ra.customer());
        view.put("location", ra.location());
        view.put("reasonCode", ra.reasonCode());
        view.put("raDate", ra.raDate());
        view.put("blueCherryStatus", ra.bcStatus());
        view.put("state", ra.state());
        view.put("exceptionOpen", ra.exceptionOpen());
        view.put("note", ra.note());
        view.put("authorisedAt", ra.authorisedAt());
        view.put("expectedAt", ra.expectedAt());
        view.put("receivedAt", ra.receivedAt());
        view.put("confirmedAt", ra.confirmedAt());
        view.put("updatedAt", ra.updatedAt());
        view.put("lines", lines);
        view.put("receipts", receipts);
        view.put("openExceptions", open);
        return view;
    }
}
