package io.cherrypick.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cherrypick.flow.stock.StockChannels;
import io.cherrypick.flow.stock.StockOverlay;
import io.cherrypick.flow.stock.StockReconciler;
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.security.Operator;
import io.cherrypick.store.AuditLog;
import io.cherrypick.store.ChannelTold;
import io.cherrypick.store.StockLevel;
import io.cherrypick.store.StockLevels;
import io.cherrypick.store.StockReconciliations;
import io.cherrypick.store.StockReconciliations.Summary;
import io.cherrypick.store.StockReconciliations.VarianceRow;

/**
 * Stock for finance, support and CX (JSON): the variance per SKU and site of the latest reconciliation, the levels
 * held and what each channel and Blue Cherry were told, and two actions (run a reconciliation now; full overlay to Blue
 * Cherry now) that run the flow's own routes ({@code direct:stock-reconcile}, {@code direct:stock-full-overlay} in
 * routes/stock-from-wms.camel.yaml), recorded in the audit log with the acting {@link Operator}.
 */
@RestController
@RequestMapping("/api")
public class StockApiController {
    private final StockReconciliations reconciliations;
    private final StockLevels levels;
    private final ChannelTold told;
    private final StockChannels channels;
    private final HandoffStore handoff;
    private final ProducerTemplate routes;
    private final AuditLog audit;

    public StockApiController(StockReconciliations reconciliations, StockLevels levels, ChannelTold told,
                              StockChannels channels, HandoffStore handoff, ProducerTemplate routes, AuditLog audit) {
        this.reconciliations = reconciliations;
        this.levels = levels;
        this.told = told;
        this.channels = channels;
        this.handoff = handoff;
        this.routes = routes;
        this.audit = audit;
    }

    public record VarianceReport(Summary reconciliation, int count, List<VarianceRow> rows) {
    }

    /** {@code GET /api/reconciliation/stock?site=&sku=&onlyVariances=true&limit=} */
    @GetMapping("/reconciliation/stock")
    public VarianceReport variances(@RequestParam(required = false) String site, @RequestParam(required = false) String sku,
                                    @RequestParam(defaultValue = "false") boolean onlyVariances,
                                    @RequestParam(defaultValue = "1000") int limit) {
        List<VarianceRow> rows = reconciliations.variances(site, sku, onlyVariances, Math.max(1, Math.min(limit, 100_000)));
        return new VarianceReport(reconciliations.lastRun().orElse(null), rows.size(), rows);
    }

    /** Reconciles now (reads every SKU and site from Peoplevox). */
    @PostMapping("/reconciliation/stock/run")
    public Summary reconcileNow(Operator operator) {
        Summary summary = routes.requestBodyAndHeader("direct:stock-reconcile", null, StockReconciler.KIND,
                StockReconciler.MANUAL, Summary.class);
        audit.record(operator.name(), "RECONCILE", "stock", Long.toString(summary.id()), summary.corrected() + " level(s) corrected");
        return summary;
    }

    /** Reconciles, then tells Blue Cherry every level (what the nightly full overlay does). */
    @PostMapping("/stock/full-overlay")
    public Map<String, Object> fullOverlay(Operator operator) {
        Exchange done = routes.request("direct:stock-full-overlay", e -> {
        });
        if (done.getException() != null) {
            throw new IllegalStateException("the full overlay failed: " + done.getException().getMessage(), done.getException());
        }
        Summary summary = done.getProperty("StockReconciliation", Summary.class);
        StockOverlay.Sent sent = done.getMessage().getBody(StockOverlay.Sent.class);
        audit.record(operator.name(), "FULL_OVERLAY", "stock", Long.toString(summary.id()), sent.rows() + " row(s) in " + sent.posts()
                + " PhysicalInventoryTM POST(s)");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reconciliation", summary);
        out.put("blueCherry", sent);
        return out;
    }

    /** {@code GET /api/stock/levels?sku=&site=}: the levels held, what Blue Cherry and each channel were told. */
    @GetMapping("/stock/levels")
    public List<Map<String, Object>> levels(@RequestParam(required = false) String sku,
                                            @RequestParam(required = false) String site) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StockLevel l : levels.find(sku, site)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("level", l);
            row.put("channels", told.told(l.itemCode(), l.site()));
            out.add(row);
        }
        return out;
    }

    /** Pushes waiting per channel (due now or later, or being pushed): its hand-off queue {@code stock-channel:<name>}. */
    @GetMapping("/stock/channels/backlog")
    public Map<String, Integer> backlog() {
        Map<String, Integer> out = new TreeMap<>();
        for (String channel : channels.names()) {
            Map<String, Integer> counts = handoff.countByStatus(StockChannels.QUEUE_PREFIX + channel);
            out.put(channel, counts.getOrDefault(HandoffStore.PENDING, 0) + counts.getOrDefault(HandoffStore.CLAIMED, 0));
        }
        return out;
    }
}
