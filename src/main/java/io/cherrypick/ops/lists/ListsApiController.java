package io.cherrypick.ops.lists;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cherrypick.ops.OpsProperties;
import io.cherrypick.ops.words.PlainWords;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The console's lists, a page at a time ({@code offset}, {@code limit}; the answer says how many match in all) or whole
 * as CSV ({@code format=csv}: plain words, times in {@code cherrypick.ops.report-zone}, cells a spreadsheet would run
 * neutralised). Filters are the list's own request parameters, named in the answer.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Lists", description = "Every list of the console: paged, filtered, in plain words, or as CSV")
public class ListsApiController {
    /** Rows per page at most, and rows in one CSV at most (narrow the filter for more). */
    static final int MAX_PAGE = 500;
    static final int MAX_CSV = 100_000;
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ConsoleLists lists;
    private final OpsProperties props;

    public ListsApiController(ConsoleLists lists, OpsProperties props) {
        this.lists = lists;
        this.props = props;
    }

    public record ListInfo(String name, String title, String path) {
    }

    public record ListPage(String name, String title, List<Column> columns, List<Filter> filters, int offset, int limit,
                           long total, List<Map<String, Object>> rows) {
    }

    @GetMapping("/lists")
    @Operation(summary = "The console's lists")
    public List<ListInfo> lists() {
        return lists.all().stream().map(l -> new ListInfo(l.name(), l.title(), "/api/lists/" + l.name())).toList();
    }

    @GetMapping("/lists/{name}")
    @Operation(summary = "A page of one list (or all of it as CSV with format=csv); filters are the list's own parameters",
            description = "Lists: exceptions, orders, stuck-orders, despatches, returns, return-receipts, flows, records,"
                    + " despatched-not-confirmed, stock-variances, mappings, alerts, audit (GET /api/lists names them"
                    + " all). The answer names each column (with the group of plain words its constants belong to) and"
                    + " each filter. CSV cells starting with = + - @ (other than numbers) get a leading apostrophe.")
    public ResponseEntity<?> list(@PathVariable String name,
                                  @RequestParam(defaultValue = "0") int offset,
                                  @RequestParam(defaultValue = "50") int limit,
                                  @RequestParam(defaultValue = "json") String format,
                                  @Parameter(hidden = true) @RequestParam Map<String, String> filters) {
        ConsoleList list = lists.find(name).orElse(null);
        if (list == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no list is named '" + name
                    + "'; GET /api/lists names them"));
        }
        if ("csv".equalsIgnoreCase(format)) {
            return Csv.download(name + ".csv", csv(list, list.page(filters, 0, MAX_CSV).rows()));
        }
        int first = Math.max(0, offset);
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        ConsoleList.Page page = list.page(filters, first, size);
        return ResponseEntity.ok(new ListPage(list.name(), list.title(), list.columns(), list.filters(), first, size,
                page.total(), page.rows()));
    }

    /** The rows as people read them: headings, plain words, times in the report zone, yes and no. */
    List<List<String>> csv(ConsoleList list, List<Map<String, Object>> rows) {
        ZoneId zone = props.reportZone();
        List<List<String>> lines = new ArrayList<>();
        lines.add(list.columns().stream().map(c -> Column.TIME.equals(c.type()) ? c.label() + " (" + zone + ")"
                : c.label()).toList());
        for (Map<String, Object> row : rows) {
            List<String> line = new ArrayList<>();
            for (Column c : list.columns()) {
                line.add(cell(c, row.get(c.key()), zone));
            }
            lines.add(line);
        }
        return lines;
    }

    private static String cell(Column column, Object value, ZoneId zone) {
        if (value == null) {
            return "";
        }
        if (column.words() != null) {
            return PlainWords.plain(column.words(), value);
        }
        if (value instanceof Instant at) {
            return CSV_TIME.format(at.atZone(zone));
        }
        if (value instanceof Boolean yes) {
            return yes ? Filter.YES : Filter.NO;
        }
        return Objects.toString(value);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, String>> badFilter(IllegalArgumentException e) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        return ResponseEntity.badRequest().body(body);
    }
}
