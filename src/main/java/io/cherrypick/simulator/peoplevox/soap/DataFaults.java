package io.cherrypick.simulator.peoplevox.soap;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.cherrypick.simulator.peoplevox.template.Csv;

/**
 * The data faults ({@link FaultType#isDataFault}): the operation ran, and its answer's Detail CSV comes back damaged,
 * so a client's checks of what it reads can be tried (a report cut short, a reformatted number, a renamed column).
 */
final class DataFaults {
    /** A quantity of 1,000 or more (codes and barcodes, longer or with leading zeros, are left alone). */
    private static final Pattern WHOLE = Pattern.compile("-?[1-9]\\d{3,8}");

    private DataFaults() {
    }

    /** The answer with its Detail spoilt as the fault says; an answer without CSV Detail is left as it is. */
    static IntegrationResponse apply(Fault fault, IntegrationResponse response) {
        if (response.detail() == null || response.detail().isBlank() || response.responseId() != 0) {
            return response;
        }
        Csv.Table table = Csv.read(response.detail());
        List<String> header = new ArrayList<>(table.header());
        List<List<String>> rows = new ArrayList<>();
        table.rows().forEach(r -> rows.add(new ArrayList<>(r.values())));
        switch (fault.type()) {
            case CUT_SHORT -> rows.subList(rows.size() / 2, rows.size()).clear();
            case THOUSANDS_SEPARATORS -> rows.forEach(row -> row.replaceAll(v -> WHOLE.matcher(v).matches()
                    ? String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(v)) : v));
            case RENAMED_COLUMN -> header.replaceAll(h -> h.equals(fault.column()) ? fault.renamedTo() : h);
            case EXTRA_CELL -> {
                if (!rows.isEmpty()) {
                    rows.get(rows.size() / 2).add("extra");
                }
            }
            case BYTE_ORDER_MARK -> {
            }
            default -> throw new IllegalStateException("not a data fault: " + fault.type());
        }
        String detail = (fault.type() == FaultType.BYTE_ORDER_MARK ? "\uFEFF" : "") + Csv.write(header, rows);
        return new IntegrationResponse(response.responseId(), response.totalCount(), detail, response.statuses());
    }
}
