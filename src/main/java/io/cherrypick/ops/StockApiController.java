package io.cherrypick.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.flow.stock.StockChannels;
import io.cherrypick.flow.stock.StockOverlay;
import io.cherrypick.flow.stock.StockReconciler;
import io.cherrypick.flow.stock.StockReconciler.ChannelVariance;
import io.cherrypick.flow.stock.StockReconciler.Summary;
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.security.Operator;
import io.cherrypick.store.AuditLog;
import io.cherrypick.store.ChannelTold;
import io.cherrypick.store.StockLevel;
import io.cherrypick.store.StockLevels;
import io.cherrypick.store.Timestamps;

/**
 * Stock for finance, support and CX (JSON): the variance per SKU and site of the latest reconciliation, the levels
 * held and what each channel and Blue Cherry were told, and two actions (run a reconciliation now; full overlay to Blue
 * Cherry now) that run the flow's own routes ({@code direct:stock-reconcile}, {@code direct:stock-full-overlay} in
 * routes/stock-from-wms.camel.yaml), recorded in the audit log with the acting {@link Operator}.
 */
@RestController
@RequestMapping("/api")
public class StockApiController {
    private static final TypeReference<List<ChannelVariance>> CHANNELS = new TypeReference<>() {
    };

    private final StockReconciler reconciler;
    private final StockLevels levels;
    private final ChannelTold told;
    private final StockChannels channels;
    private final HandoffStore handoff;
    private final ProducerTemplate routes;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog audit;
    private final ObjectMapper json;

    public StockApiController(StockReconciler reconciler, StockLevels levels, ChannelTold told, StockChannels channels,
                              HandoffStore handoff, ProducerTemplate routes, NamedParameterJdbcTemplate jdbc, AuditLog audit,
                              ObjectMapper json) {
        this.reconciler = reconciler;
        this.levels = levels;
        this.told = told;
        this.channels = channels;
        this.handoff = handoff;
        this.routes = routes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
    }

    /** One SKU and site of the latest reconciliation: Peoplevox against what Blue Cherry and each channel were told. */
    public record VarianceRow(String itemCode, String site, String bcLocation, Integer pvxOnHand, Integer pvxAllocated,
                              Integer pvxAvailable, Integer blueCherryTold, Instant blueCherryToldAt,
                              Integer blueCherryVariance, List<ChannelVariance> channels, int channelVariance,
                              boolean hasVariance, boolean corrected, long reconciliationId, Instant reconciledAt) {
    }

    public record VarianceReport(Summary reconciliation, int count, List<VarianceRow> rows) {
    }

    /** {@code GET /api/reconciliation/stock?site=&sku=&onlyVariances=true&limit=} */
    @GetMapping("/reconciliation/stock")
    public VarianceReport variances(@RequestParam(required = false) String site, @RequestParam(required = false) String sku,
                                    @RequestParam(defaultValue = "false") boolean onlyVariances,
                                    @RequestParam(defaultValue = "1000") int limit) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("site", site == null ? "" : site)
                .addValue("sku", sku == null ? "" : sku).addValue("only", onlyVariances)
                .addValue("limit", Math.max(1, Math.min(limit, 100_000)));
        List<VarianceRow> rows = jdbc.query("select * from stock_variance where (:site = '' or site = :site)"
                + " and (:sku = '' or item_code = :sku) and (has_variance = true or :only = false)"
                + " order by item_code, site limit :limit", p, (rs, i) -> new VarianceRow(rs.getString("item_code"),
                rs.getString("site"), rs.getString("bc_location"), StockLevels.intOrNull(rs, "pvx_on_hand"),
                StockLevels.intOrNull(rs, "pvx_allocated"), StockLevels.intOrNull(rs, "pvx_available"),
                StockLevels.intOrNull(rs, "bc_told_on_hand"), Timestamps.read(rs, "bc_told_at"),
                StockLevels.intOrNull(rs, "bc_variance"), channels(rs.getString("channels")), rs.getInt("channel_variance"),
                rs.getBoolean("has_variance"), rs.getBoolean("corrected"), rs.getLong("reconciliation_id"),
                Timestamps.read(rs, "reconciled_at")));
        return new VarianceReport(reconciler.lastRun().orElse(null), rows.size(), rows);
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

    private List<ChannelVariance> channels(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, CHANNELS);
        } catch (Exception unreadable) {
            return List.of();
        }
    }
}
