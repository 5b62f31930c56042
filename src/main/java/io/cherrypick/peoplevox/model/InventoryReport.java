package io.cherrypick.peoplevox.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cherrypick.store.Columns;
import io.cherrypick.store.SkuSite;
import io.cherrypick.store.StockLevels;
import io.cherrypick.store.StockObservation;

/**
 * The rows of Peoplevox's {@code Item inventory summary} report (read with {@code to: peoplevox:report}; one row per
 * item and site: {@code Item code}, {@code Site reference}, {@code Available}, and when the tenant's report has them
 * {@code On hand}, {@code Allocated}).
 * <p>
 * A report read is an observation made when the read started, stamped with that second (sequence 0). Peoplevox stamps
 * events in whole seconds: an event of an earlier second happened before the read (the report holds it), so the read
 * wins over it; an event of the same second may have happened after the read, so it wins over the read.
 * <p>
 * {@link #read} says what it could not read: a missing column (the report's layout changed), a row without an item
 * code, a quantity that is not a whole number (e.g. {@code "1,234"}). A reconciliation must not act on such a report
 * (what it could not read would count as stock Peoplevox no longer holds); a refresh of a few SKUs takes what it could
 * read ({@link #rows}).
 */
public final class InventoryReport {
    public static final String ITEM_CODE = "Item code";
    public static final String SITE = "Site reference";
    public static final String AVAILABLE = "Available";
    public static final String ON_HAND = "On hand";
    public static final String ALLOCATED = "Allocated";
    /** The columns every Item inventory summary must have. */
    public static final List<String> REQUIRED = List.of(ITEM_CODE, SITE, AVAILABLE);
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

    /**
     * A report as read: the rows that could be read, and a sentence per thing that could not (the column, or the row by
     * its number in the report, its item and site, and the field).
     */
    public record Read(List<Row> rows, List<String> problems) {
        public boolean complete() {
            return problems.isEmpty();
        }
    }

    /** Reads every row; what cannot be read is a problem (a missing column is one problem for the whole report). */
    public static Read read(List<Map<String, String>> report, String defaultSite) {
        List<Map<String, String>> lines = report == null ? List.of() : report;
        List<Row> rows = new ArrayList<>(lines.size());
        List<String> problems = new ArrayList<>();
        if (!lines.isEmpty()) {
            // every row carries every column of the report's header (CsvTable): the first row shows the layout
            List<String> missing = REQUIRED.stream().filter(c -> !lines.get(0).containsKey(c)).toList();
            if (!missing.isEmpty()) {
                problems.add("the report has no column " + String.join(", ", missing) + " (its columns: "
                        + String.join(", ", lines.get(0).keySet()) + ")");
                return new Read(List.of(), problems);
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            Map<String, String> r = lines.get(i);
            if (r.values().stream().allMatch(v -> v == null || v.isBlank())) {
                continue; // an empty line carries nothing
            }
            String code = r.getOrDefault(ITEM_CODE, "").trim();
            String site = r.getOrDefault(SITE, "").trim();
            String where = "row " + (i + 1) + (code.isEmpty() ? "" : " (item " + code + " at " + (site.isEmpty()
                    ? defaultSite : site) + ")");
            if (code.isEmpty()) {
                problems.add(where + ": " + ITEM_CODE + " is empty");
                continue;
            }
            List<String> unreadable = new ArrayList<>();
            if (!Columns.fits(code, StockLevels.ITEM_CODE_WIDTH)) {
                unreadable.add(ITEM_CODE + " is " + code.length() + " characters long, at most "
                        + StockLevels.ITEM_CODE_WIDTH + " fit");
            }
            if (!Columns.fits(site, StockLevels.SITE_WIDTH)) {
                unreadable.add(SITE + " is " + site.length() + " characters long, at most " + StockLevels.SITE_WIDTH
                        + " fit");
            }
            Integer available = quantity(r, AVAILABLE, true, unreadable);
            Integer onHand = quantity(r, ON_HAND, false, unreadable);
            Integer allocated = quantity(r, ALLOCATED, false, unreadable);
            if (!unreadable.isEmpty()) {
                problems.add(where + ": " + String.join(", ", unreadable));
                continue;
            }
            rows.add(new Row(code, site.isEmpty() ? defaultSite : site, available, onHand, allocated));
        }
        return new Read(rows, problems);
    }

    /** The readable rows; what cannot be read is left out with a warning (for reads that change only what they list). */
    public static List<Row> rows(List<Map<String, String>> report, String defaultSite) {
        Read read = read(report, defaultSite);
        read.problems().forEach(p -> log.warn("Item inventory summary: {}; left out", p));
        return read.rows();
    }

    /** The time a read's observations carry: the second it started. */
    public static Instant stamp(Instant started) {
        return started.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A whole number of units in {@code column} (Peoplevox may write "12.0"); blank is null unless required. */
    private static Integer quantity(Map<String, String> row, String column, boolean required, List<String> unreadable) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            if (required) {
                unreadable.add(column + " is empty");
            }
            return null;
        }
        try {
            return new BigDecimal(value.trim()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            unreadable.add(column + " '" + value + "' is not a whole number of units");
            return null;
        }
    }
}
