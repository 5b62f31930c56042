package io.cherrypick.flow.stock;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.cherrypick.flow.stock.InventoryReport.Read;
import io.cherrypick.flow.stock.InventoryReport.Row;
import io.cherrypick.flow.stock.StockFlow.StockChannels;

/**
 * Reads again the levels whose on hand moved without an availability event bringing the new level (IncrementalChanges,
 * e.g. a despatch takes on hand and allocation down together): up to {@code refreshBatch} SKUs per run in one
 * {@code Item inventory summary} read filtered on their item codes, stored like any observation.
 */
@Component("stockRefresher")
public class StockRefresher {
    private static final Logger log = LoggerFactory.getLogger(StockRefresher.class);

    private final StockLevels levels;
    private final InventoryReport report;
    private final StockChannels channels;
    private final StockProperties props;
    private final TransactionTemplate tx;

    public StockRefresher(StockLevels levels, InventoryReport report, StockChannels channels, StockProperties props,
                          TransactionTemplate tx) {
        this.levels = levels;
        this.report = report;
        this.channels = channels;
        this.props = props;
        this.tx = tx;
    }

    /** One run; returns how many SKUs were read again. */
    public int refresh() {
        List<SkuSite> needed = levels.refreshesNeeded(props.refreshBatch());
        if (needed.isEmpty()) {
            return 0;
        }
        Set<String> codes = new LinkedHashSet<>();
        needed.forEach(k -> codes.add(k.itemCode()));
        Read read = report.readItems(codes);
        int[] stored = {0};
        tx.executeWithoutResult(status -> {
            Instant due = Instant.now();
            for (Row row : read.rows().stream().sorted(java.util.Comparator.comparing(Row::key)).toList()) {
                if (codes.contains(row.itemCode())
                        && levels.observe(row.observation(read.observedAt(), StockObservation.REFRESH), channels.names(), due)) {
                    stored[0]++;
                }
            }
            levels.refreshed(codes, read.startedAt(), read.observedAt());
        });
        log.debug("read {} SKU(s) again after on hand moved: {} level(s) stored", codes.size(), stored[0]);
        return codes.size();
    }
}
