package io.cherrypick.peoplevox;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Peoplevox CSV (GetData Detail, SaveData CsvData, report Detail), read and written by header name with Commons CSV:
 * never by position, never by string concatenation.
 */
public record CsvTable(List<String> headers, List<Map<String, String>> rows) {

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(false).get();
    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    public static CsvTable parse(String csv) {
        if (csv == null || csv.isBlank()) {
            return new CsvTable(List.of(), List.of());
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.stripLeading()), READ)) {
            List<String> headers = new ArrayList<>(parser.getHeaderNames());
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < headers.size(); i++) {
                    row.put(headers.get(i), i < record.size() ? record.get(i) : "");
                }
                rows.add(row);
            }
            return new CsvTable(headers, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("Peoplevox CSV could not be read: " + e.getMessage(), e);
        }
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
