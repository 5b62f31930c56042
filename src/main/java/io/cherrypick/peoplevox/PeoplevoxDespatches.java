package io.cherrypick.peoplevox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.peoplevox.model.PvxDespatch;

/**
 * Reads despatches from Peoplevox by number: the {@code Despatches} template (one row per despatch: sales order,
 * carrier, service, date) and {@code Despatch packages} (one row per package line: package, tracking number, weight,
 * item, quantity). Two GetData calls per 100 despatches. Field names are the assumed defaults (docs/flow-despatch.md).
 */
@Component("peoplevoxDespatches")
public class PeoplevoxDespatches {
    /** Header: the despatch an event names, as Peoplevox holds it (absent when Peoplevox does not show it yet). */
    public static final String DESPATCH = "PeoplevoxDespatch";
    static final String DESPATCHES = "Despatches";
    static final String PACKAGES = "Despatch packages";
    private static final int TERMS_PER_CALL = 100;

    private final PeoplevoxClient peoplevox;

    public PeoplevoxDespatches(PeoplevoxClient peoplevox) {
        this.peoplevox = peoplevox;
    }

    /**
     * The despatches a batch of events names (field DespatchNumber of each body), read together: each event's message
     * gets header {@link #DESPATCH}.
     */
    public void attach(@org.apache.camel.Body List<org.apache.camel.Message> events) {
        List<String> numbers = events.stream().map(m -> number(m)).filter(n -> !n.isEmpty()).distinct().toList();
        Map<String, PvxDespatch> found = numbers.isEmpty() ? Map.of() : read(numbers);
        events.forEach(m -> m.setHeader(DESPATCH, found.get(number(m))));
    }

    private static String number(org.apache.camel.Message event) {
        Object value = event.getBody(Map.class).get("DespatchNumber");
        return value == null ? "" : value.toString().trim();
    }

    /** The despatches Peoplevox holds with at least one package line; numbers it does not (yet) hold are absent. */
    public Map<String, PvxDespatch> read(Collection<String> despatchNumbers) {
        Map<String, PvxDespatch> found = new LinkedHashMap<>();
        List<String> numbers = List.copyOf(despatchNumbers);
        for (int from = 0; from < numbers.size(); from += TERMS_PER_CALL) {
            List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + TERMS_PER_CALL));
            String clause = chunk.stream().map(n -> "DespatchNumber.Equals(\"" + n.replace("\"", "") + "\")")
                    .collect(Collectors.joining(" OR "));
            List<Map<String, String>> headers = peoplevox.getData(DESPATCHES, clause).rows();
            if (headers.isEmpty()) {
                continue;
            }
            List<Map<String, String>> packageRows = peoplevox.getData(PACKAGES, clause).rows();
            found.putAll(assemble(headers, packageRows));
        }
        return found;
    }

    /** Joins header rows and package-line rows into despatches (package order and line order as Peoplevox lists them). */
    public static Map<String, PvxDespatch> assemble(List<Map<String, String>> headers, List<Map<String, String>> packageRows) {
        Map<String, Map<String, List<Map<String, String>>>> linesByPackage = new LinkedHashMap<>();
        for (Map<String, String> row : packageRows) {
            linesByPackage.computeIfAbsent(value(row, "DespatchNumber"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(value(row, "PackageNumber"), k -> new ArrayList<>()).add(row);
        }
        Map<String, PvxDespatch> despatches = new LinkedHashMap<>();
        for (Map<String, String> h : headers) {
            String number = value(h, "DespatchNumber");
            Map<String, List<Map<String, String>>> packages = linesByPackage.get(number);
            if (number.isEmpty() || packages == null || packages.isEmpty()) {
                continue;
            }
            List<PvxDespatch.Package> pkgs = new ArrayList<>();
            packages.forEach((packageNumber, rows) -> {
                List<PvxDespatch.Line> lines = rows.stream()
                        .filter(r -> !value(r, "ItemCode").isEmpty())
                        .map(r -> new PvxDespatch.Line(value(r, "ItemCode"), quantity(r, number)))
                        .toList();
                pkgs.add(new PvxDespatch.Package(packageNumber, value(rows.get(0), "TrackingNumber"),
                        decimal(value(rows.get(0), "Weight")), lines));
            });
            despatches.put(number, new PvxDespatch(number, value(h, "SalesOrderNumber"), value(h, "Carrier"),
                    value(h, "ServiceType"), value(h, "TrackingNumber"), value(h, "DespatchDate"), value(h, "Site"), pkgs));
        }
        return despatches;
    }

    private static int quantity(Map<String, String> row, String despatchNumber) {
        String q = value(row, "Quantity");
        try {
            return new BigDecimal(q).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("Despatch " + despatchNumber + " package " + value(row, "PackageNumber")
                    + " item " + value(row, "ItemCode") + ": Quantity '" + q + "' is not a whole number");
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
