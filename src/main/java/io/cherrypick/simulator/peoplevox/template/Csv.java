package io.cherrypick.simulator.peoplevox.template;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** Reads CsvData and writes Detail CSV: comma separated, quoted where needed, {@code \n} after every record. */
public final class Csv {
    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    /** A parsed CsvData: header names and data rows (1-based numbers, header not counted). */
    public record Table(List<String> header, List<Row> rows) {
    }

    public record Row(int number, List<String> values) {
    }

    private Csv() {
    }

    /**
     * Parses CsvData; blank lines (also before the header) are skipped.
     *
     * @throws RequestRejectedException when the text is not valid CSV or has no header
     */
    public static Table read(String csvData) {
        String text = csvData == null ? "" : csvData.replace("\uFEFF", "");
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, READ)) {
            for (CSVRecord record : parser) {
                List<String> values = record.toList();
                if (values.size() == 1 && values.get(0).isBlank()) {
                    continue;
                }
                records.add(values);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new RequestRejectedException("CsvData is not valid CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw new RequestRejectedException("CsvData is empty; the first line must be the header");
        }
        List<String> header = records.get(0).stream().map(String::trim).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            rows.add(new Row(i, records.get(i)));
        }
        return new Table(header, rows);
    }

    public static String write(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, WRITE)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One line without the trailing newline (GetSaveTemplate, GetReportColumns). */
    public static String line(List<String> values) {
        String text = write(values, List.of());
        return text.substring(0, text.length() - 1);
    }
}
