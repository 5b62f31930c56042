package io.cherrypick.ops.lists;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every CSV the console offers, written the same way: a header line, then the rows. A cell a spreadsheet would run as
 * a formula (text starting with {@code = + - @}, a tab or a carriage return; names and messages come from Blue Cherry
 * and Peoplevox and may hold anything) gets a leading apostrophe, so it shows as the text it is. Plain numbers, negative
 * ones included (a stock variance of -3), stay numbers.
 */
public final class Csv {
    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private Csv() {
    }

    /** The cell as written: neutralised when a spreadsheet would take it for a formula. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula && !NUMBER.matcher(value).matches() ? "'" + value : value;
    }

    /** The lines (the first one the header) as CSV text. */
    public static String write(List<List<String>> lines) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            for (List<String> line : lines) {
                printer.printRecord(line.stream().map(Csv::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** The lines as a download named {@code fileName}. */
    public static ResponseEntity<String> download(String fileName, List<List<String>> lines) {
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(write(lines));
    }
}
