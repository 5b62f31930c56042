package io.cherrypick.ops.lists;

import java.util.List;
import java.util.Map;

/**
 * A list the console shows a page at a time and exports whole as CSV ({@code GET /api/lists/<name>}). Each one says its
 * columns and filters, so the table on screen and the CSV are one definition.
 */
public interface ConsoleList {
    String name();

    /** The list's heading, in plain words. */
    String title();

    List<Column> columns();

    List<Filter> filters();

    /**
     * The rows at {@code offset} (at most {@code limit}), newest or most urgent first, and how many match in all.
     * {@code filters} holds the request's parameters; unknown ones are ignored, a bad value is refused with
     * {@link IllegalArgumentException} naming the filter.
     */
    Page page(Map<String, String> filters, int offset, int limit);

    /** Some rows and the number of rows matching in all. */
    record Page(long total, List<Map<String, Object>> rows) {
    }
}
