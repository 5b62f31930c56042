package io.cherrypick.peoplevox;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Peoplevox CSV (GetData Detail, SaveData CsvData, report Detail), read and written by header name with Commons CSV:
 * never by position, never by string concatenation.
 * <p>
 * Read strictly: a byte-order mark or a CSV Commons cannot read fails the whole answer ({@link BadCsv}, naming the call).
 * A row whose number of cells differs from the header's is never padded or cut: it is kept aside in {@code badRows}
 * with its row number, and {@link #requireWellFormed} turns any such row into an error naming the call and the rows.
 * Readers that handle rows one by one (the report polls) take the good rows and refuse the bad ones one by one; every
 * other reader requires a well-formed answer.
 */
public record CsvTable(List<String> headers, List<Map<String, String>> rows, List<BadRow> badRows) {

    /** A data row (numbered from 1, the header not counted) that cannot be read, and why. */
    public record BadRow(int number, String reason, List<String> cells) {
    }

    /** CSV from Peoplevox that cannot be read as it stands; the message names the call. */
    public static class BadCsv extends IllegalArgumentException {
        public BadCsv(String message) {
            super(message);
        }
    }

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(false).get();
    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    public CsvTable {
        badRows = badRows == null ? List.of() : List.copyOf(badRows);
    }

    public CsvTable(List<String> headers, List<Map<String, String>> rows) {
        this(headers, rows, List.of());
    }

    /** Parses CSV whose origin the error messages need not name (e.g. CSV Cherrypick wrote itself). */
    public static CsvTable parse(String csv) {
        return parse(csv, "Peoplevox CSV", 0);
    }

    /**
     * Parses the Detail of one answer. {@code call} names it in errors (e.g. "GetData Item types");
     * {@code rowsBefore} is how many data rows earlier pages held, so row numbers count from the first page.
     */
    public static CsvTable parse(String csv, String call, int rowsBefore) {
        if (csv == null || csv.isBlank()) {
            return new CsvTable(List.of(), List.of());
        }
        String text = csv.stripLeading();
        if (text.charAt(0) == BYTE_ORDER_MARK) {
            throw new BadCsv("Peoplevox " + call + ": the CSV starts with a byte-order mark (U+FEFF), which would become"
                    + " part of the first column's name; nothing of the answer was used");
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(text), READ)) {
            List<String> headers = new ArrayList<>(parser.getHeaderNames());
            List<Map<String, String>> rows = new ArrayList<>();
            List<BadRow> bad = new ArrayList<>();
            int number = rowsBefore;
            for (CSVRecord record : parser) {
                number++;
                List<String> cells = record.toList();
                if (cells.size() != headers.size()) {
                    bad.add(new BadRow(number, "row " + number + " has " + cells.size() + " cell(s) where the header has "
                            + headers.size(), cells));
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < headers.size(); i++) {
                    row.put(headers.get(i), cells.get(i));
                }
                rows.add(row);
            }
            return new CsvTable(headers, rows, bad);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadCsv("Peoplevox " + call + ": the CSV could not be read (" + e.getMessage() + "); nothing of the"
                    + " answer was used");
        }
    }

    /** This table, or an error naming {@code call} and every row whose cells do not match the header. */
    public CsvTable requireWellFormed(String call) {
        if (badRows.isEmpty()) {
            return this;
        }
        throw new BadCsv("Peoplevox " + call + ": " + badRows.stream().map(BadRow::reason).collect(Collectors.joining("; "))
                + "; nothing of the answer was used (no row is padded or cut)");
    }

    /** Writes header + rows; a missing value is written as an empty cell (never "null" or "undefined"). */
    public String write() {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, WRITE)) {
            printer.printRecord(headers);
            for (Map<String, String> row : rows) {
                List<String> values = new ArrayList<>(headers.size());
                for (String h : headers) {
                    String v = row.get(h);
                    values.add(v == null ? "" : v);
                }
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
