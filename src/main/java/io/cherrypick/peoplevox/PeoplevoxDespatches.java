package io.cherrypick.peoplevox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.camel.Body;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.mapping.MappedRecord;
import io.cherrypick.mapping.MappingFile;
import io.cherrypick.mapping.Mappings;
import io.cherrypick.peoplevox.model.PvxDespatch;

/**
 * Reads despatches from Peoplevox's {@code Despatch summary} report (one row per item despatched), by despatch number,
 * through the mapping {@code routes/mappings/despatch-summary.yaml}. What the tenant's report offers is detected from
 * its columns ({@link #layout}), at start and again when the mapping file changes:
 * <ul>
 * <li>every column of part {@code line} is needed; one missing is a setup error naming the report and the column, and
 * no despatch is read;</li>
 * <li>package detail (part {@code package}: a tracking number per package) only when the report has its columns: then
 * one package per package tracking number; without them one package per despatch, with the despatch's tracking
 * number;</li>
 * <li>part {@code weight} ({@code Item weight}) when the report has it: a package weighs its items.</li>
 * </ul>
 * One GetReportData call per 100 despatches (their rows in one read), plus the start's column check.
 */
@Component("peoplevoxDespatches")
public class PeoplevoxDespatches {
    private static final Logger log = LoggerFactory.getLogger(PeoplevoxDespatches.class);
    /** Header: the despatch an event names, as Peoplevox's report shows it (absent when it does not show it yet). */
    public static final String DESPATCH = "PeoplevoxDespatch";
    /** Header: which read of the report the despatch came from (two events of one batch share a read). */
    public static final String READ = "PeoplevoxDespatchRead";
    /** The report despatches are read from. */
    public static final String REPORT = "Despatch summary";
    /** The mapping that reads its rows. */
    public static final String MAPPING = "despatch-summary";
    private static final int TERMS_PER_CALL = 100;

    private final PeoplevoxClient peoplevox;
    private final Mappings mappings;
    private volatile Detected detected;

    /**
     * What the tenant's report offers: its columns, the needed ones it lacks (a setup error when any), and whether it has
     * package detail and item weights.
     */
    public record Layout(List<String> columns, List<String> missing, List<String> packageColumns, boolean packages,
                         boolean weights) {
        public boolean usable() {
            return missing.isEmpty();
        }

        /** The sentence for the log and the setup audit: which mode is in use, and why. */
        public String describe() {
            if (!usable()) {
                return setupError();
            }
            return packages
                    ? "report '" + REPORT + "' has package detail (" + String.join(", ", packageColumns)
                            + "): one carton per package, each with its own tracking number"
                    : "report '" + REPORT + "' has no package detail (no column " + String.join(", ", packageColumns)
                            + "): one carton per despatch, with the despatch's tracking number";
        }

        /** The setup error: the report, the columns it lacks, and what to do. */
        public String setupError() {
            return "Peoplevox report '" + REPORT + "' has no column " + missing.stream().map(c -> "'" + c + "'")
                    .collect(Collectors.joining(", ")) + ", which routes/mappings/" + MAPPING + ".yaml (part line)"
                    + " reads; add the column to the tenant's report or change the mapping, then replay. No despatch is"
                    + " sent to Blue Cherry until then";
        }
    }

    private record Detected(MappingFile file, Layout layout) {
    }

    public PeoplevoxDespatches(PeoplevoxClient peoplevox, Mappings mappings) {
        this.peoplevox = peoplevox;
        this.mappings = mappings;
    }

    /** Reads the report's columns now and logs which mode is in use (at start; a test after changing the report). */
    public Layout detect() {
        MappingFile file = mappings.file(MAPPING);
        List<String> columns = peoplevox.reportColumns(REPORT);
        List<String> missing = file.namesRead("line").stream().filter(c -> !columns.contains(c)).toList();
        List<String> packageColumns = List.copyOf(file.namesRead("package"));
        Layout layout = new Layout(columns, missing, packageColumns, columns.containsAll(packageColumns),
                columns.containsAll(file.namesRead("weight")));
        if (layout.usable()) {
            log.info("Despatch confirmations: {}{}", layout.describe(), layout.weights() ? "; cartons weighed from Item weight" : "");
            detected = new Detected(file, layout);
        } else {
            log.error("Despatch confirmations: {}", layout.setupError());
            detected = null; // checked again on the next read, so a fixed report works without a restart
        }
        return layout;
    }

    /** The layout detected, or detected now (none yet, the last check failed, or the mapping file changed). */
    public Layout layout() {
        Detected d = detected;
        if (d == null || d.file() != mappings.file(MAPPING)) {
            return detect();
        }
        return d.layout();
    }

    /**
     * The despatches a batch of events names (field DespatchNumber of each body), read together: each event's message
     * gets header {@link #DESPATCH} (absent when the report does not show it yet) and {@link #READ}.
     */
    public void attach(@Body List<Message> events) {
        List<String> numbers = events.stream().map(PeoplevoxDespatches::number).filter(n -> !n.isEmpty()).distinct().toList();
        Map<String, PvxDespatch> found = numbers.isEmpty() ? Map.of() : read(numbers);
        String read = UUID.randomUUID().toString();
        events.forEach(m -> {
            m.setHeader(DESPATCH, found.get(number(m)));
            m.setHeader(READ, read);
        });
    }

    private static String number(Message event) {
        Object value = event.getBody(Map.class).get("DespatchNumber");
        return value == null ? "" : value.toString().trim();
    }

    /** The despatches the report shows; numbers it does not (yet) show are absent. A report lacking a column fails. */
    public Map<String, PvxDespatch> read(Collection<String> despatchNumbers) {
        Layout layout = layout();
        if (!layout.usable()) {
            throw ApiException.permanent(PeoplevoxClient.SYSTEM, Category.VALIDATION, layout.setupError());
        }
        MappingFile file = mappings.file(MAPPING);
        String numberColumn = file.namesRead("event").iterator().next();
        List<String> wanted = new ArrayList<>(file.namesRead("line"));
        if (layout.packages()) {
            wanted.addAll(file.namesRead("package"));
        }
        if (layout.weights()) {
            wanted.addAll(file.namesRead("weight"));
        }
        String columns = wanted.stream().distinct().map(c -> "[" + c + "]").collect(Collectors.joining(","));
        Map<String, PvxDespatch> found = new LinkedHashMap<>();
        List<String> numbers = List.copyOf(despatchNumbers);
        for (int from = 0; from < numbers.size(); from += TERMS_PER_CALL) {
            List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + TERMS_PER_CALL));
            String clause = SearchClauses.anyEquals("[" + numberColumn + "]", chunk);
            found.putAll(assemble(peoplevox.getReport(REPORT, clause, null, columns).rows(), layout));
        }
        return found;
    }

    /** Groups report rows into despatches: packages and lines in the report's order, an item's rows added up. */
    public Map<String, PvxDespatch> assemble(List<Map<String, String>> rows, Layout layout) {
        Map<String, List<MappedRecord>> byDespatch = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            MappedRecord mapped = mappings.map(MAPPING, row, Map.of());
            String number = value(mapped.row("line"), "despatch_number");
            if (!number.isEmpty()) {
                byDespatch.computeIfAbsent(number, k -> new ArrayList<>()).add(mapped);
            }
        }
        Map<String, PvxDespatch> despatches = new LinkedHashMap<>();
        byDespatch.forEach((number, records) -> despatches.put(number, despatch(number, records, layout)));
        return despatches;
    }

    private static PvxDespatch despatch(String number, List<MappedRecord> records, Layout layout) {
        Map<String, String> first = records.get(0).row("line");
        String tracking = records.stream().map(r -> value(r.row("line"), "tracking_number")).filter(t -> !t.isEmpty())
                .findFirst().orElse("");
        Map<String, Map<String, Integer>> linesByPackage = new LinkedHashMap<>();
        Map<String, BigDecimal> weightByPackage = new LinkedHashMap<>();
        for (MappedRecord r : records) {
            Map<String, String> line = r.row("line");
            String pkg = layout.packages() ? value(r.row("package"), "package_tracking_number") : "";
            String packageKey = pkg.isEmpty() ? number : pkg;
            String item = value(line, "item_code");
            if (item.isEmpty()) {
                continue;
            }
            int quantity = quantity(number, item, value(line, "quantity"));
            linesByPackage.computeIfAbsent(packageKey, k -> new LinkedHashMap<>()).merge(item, quantity, Integer::sum);
            BigDecimal itemWeight = layout.weights() ? decimal(value(r.row("weight"), "item_weight")) : null;
            if (itemWeight != null) {
                weightByPackage.merge(packageKey, itemWeight.multiply(BigDecimal.valueOf(quantity)), BigDecimal::add);
            }
        }
        List<PvxDespatch.Package> packages = new ArrayList<>();
        linesByPackage.forEach((packageKey, items) -> packages.add(new PvxDespatch.Package(packageKey,
                packageKey.equals(number) ? tracking : packageKey, weightByPackage.get(packageKey),
                items.entrySet().stream().map(e -> new PvxDespatch.Line(e.getKey(), e.getValue())).toList())));
        return new PvxDespatch(number, value(first, "sales_order_number"), value(first, "carrier"),
                value(first, "service"), tracking, value(first, "despatch_date"), value(first, "site"), packages);
    }

    private static int quantity(String despatchNumber, String itemCode, String text) {
        try {
            return new BigDecimal(text).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw ApiException.permanent(PeoplevoxClient.SYSTEM, Category.VALIDATION, "Despatch " + despatchNumber
                    + " item " + itemCode + ": Peoplevox report '" + REPORT + "' gives '" + text
                    + "' items, not a whole number");
        }
    }

    private static BigDecimal decimal(String text) {
        try {
            return text.isEmpty() ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String value(Map<String, String> row, String field) {
        String v = row.get(field);
        return v == null ? "" : v.trim();
    }
}
