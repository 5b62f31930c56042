package io.cherrypick.flow.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.cherrypick.peoplevox.CsvTable;
import io.cherrypick.peoplevox.PeoplevoxClient;

/**
 * Reads Peoplevox's {@code Item inventory summary} report (one row per item and site: {@code Item code},
 * {@code Site reference}, {@code Available}, and when the tenant's report has them {@code On hand}, {@code Allocated}).
 * <p>
 * A report read is an observation made when the read started, stamped with that second (sequence 0). Peoplevox stamps
 * events in whole seconds: an event of an earlier second happened before the read (the report holds it), so the read
 * wins over it; an event of the same second may have happened after the read, so it wins over the read.
 */
@Component
public class InventoryReport {
    private static final Logger log = LoggerFactory.getLogger(InventoryReport.class);
    private static final int CLAUSE_TERMS = 100;

    private final PeoplevoxClient peoplevox;
    private final StockProperties props;

    public InventoryReport(PeoplevoxClient peoplevox, StockProperties props) {
        this.peoplevox = peoplevox;
        this.props = props;
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

    /** The rows read, when the read started, and the time its observations carry. */
    public record Read(Instant startedAt, Instant observedAt, List<Row> rows) {
    }

    /** Every SKU at every site. */
    public Read readAll() {
        return read("");
    }

    /** The rows of these SKUs (at most 100 per call to Peoplevox). */
    public Read readItems(Collection<String> itemCodes) {
        List<String> codes = new ArrayList<>(itemCodes);
        Instant started = Instant.now();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < codes.size(); i += CLAUSE_TERMS) {
            String clause = codes.subList(i, Math.min(codes.size(), i + CLAUSE_TERMS)).stream()
                    .map(c -> "[Item code].Equals(\"" + c.replace("\"", "\\\"") + "\")").collect(Collectors.joining(" OR "));
            rows.addAll(read(clause).rows());
        }
        return new Read(started, stamp(started), rows);
    }

    private Read read(String clause) {
        Instant started = Instant.now();
        CsvTable table = peoplevox.getReport(props.report(), clause, null, null);
        List<Row> rows = new ArrayList<>(table.rows().size());
        for (Map<String, String> r : table.rows()) {
            String code = r.getOrDefault("Item code", "").trim();
            if (code.isEmpty()) {
                continue;
            }
            String site = r.getOrDefault("Site reference", "").trim();
            try {
                rows.add(new Row(code, site.isEmpty() ? props.defaultSite() : site, whole(r.get("Available")),
                        optional(r.get("On hand")), optional(r.get("Allocated"))));
            } catch (NumberFormatException | ArithmeticException e) {
                log.warn("{} row of item {} at {} has an unreadable quantity ({}); skipped", props.report(), code, site, r);
            }
        }
        return new Read(started, stamp(started), rows);
    }

    static Instant stamp(Instant started) {
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
