package io.cherrypick.peoplevox.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cherrypick.store.SkuSite;
import io.cherrypick.store.StockObservation;

/**
 * The rows of Peoplevox's {@code Item inventory summary} report (read with {@code to: peoplevox:report}; one row per
 * item and site: {@code Item code}, {@code Site reference}, {@code Available}, and when the tenant's report has them
 * {@code On hand}, {@code Allocated}).
 * <p>
 * A report read is an observation made when the read started, stamped with that second (sequence 0). Peoplevox stamps
 * events in whole seconds: an event of an earlier second happened before the read (the report holds it), so the read
 * wins over it; an event of the same second may have happened after the read, so it wins over the read.
 */
public final class InventoryReport {
    private static final Logger log = LoggerFactory.getLogger(InventoryReport.class);

    private InventoryReport() {
    }

    /** One row of the report. */
    public record Row(String itemCode, String site, int available, Integer onHand, Integer allocated) {
        public SkuSite key() {
            return new SkuSite(itemCode, site);
        }

        public StockObservation observation(Instant at, String source) {
            return new StockObservation(itemCode, site, available, onHand, allocated, at, 0, source);
        }
    }

    /** The readable rows; a row without an item code is ignored, one with an unreadable quantity skipped with a warning. */
    public static List<Row> rows(List<Map<String, String>> report, String defaultSite) {
        List<Row> rows = new ArrayList<>(report == null ? 0 : report.size());
        for (Map<String, String> r : report == null ? List.<Map<String, String>>of() : report) {
            String code = r.getOrDefault("Item code", "").trim();
            if (code.isEmpty()) {
                continue;
            }
            String site = r.getOrDefault("Site reference", "").trim();
            try {
                rows.add(new Row(code, site.isEmpty() ? defaultSite : site, whole(r.get("Available")),
                        optional(r.get("On hand")), optional(r.get("Allocated"))));
            } catch (NumberFormatException | ArithmeticException e) {
                log.warn("Item inventory summary row of item {} at {} has an unreadable quantity ({}); skipped", code, site, r);
            }
        }
        return rows;
    }

    /** The time a read's observations carry: the second it started. */
    public static Instant stamp(Instant started) {
        return started.truncatedTo(ChronoUnit.SECONDS);
    }

    private static Integer optional(String value) {
        return value == null || value.isBlank() ? null : whole(value);
    }

    private static int whole(String value) {
        if (value == null || value.isBlank()) {
            throw new NumberFormatException("empty");
        }
        return new BigDecimal(value.trim()).intValueExact();
    }
}
