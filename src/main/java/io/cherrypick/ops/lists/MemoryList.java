package io.cherrypick.ops.lists;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A console list computed in Java (stuck orders, flow health) rather than read by one query: all its rows are made,
 * then a page is cut from them. For lists that stay small.
 */
public record MemoryList(String name, String title, List<Column> columns, List<Filter> filters,
                         Function<Map<String, String>, List<Map<String, Object>>> rows) implements ConsoleList {
    @Override
    public Page page(Map<String, String> given, int offset, int limit) {
        for (Filter f : filters) {
            String value = given.get(f.name());
            if (value != null && !value.isBlank()) {
                f.check(value.trim());
            }
        }
        List<Map<String, Object>> all = rows.apply(given);
        int from = Math.min(offset, all.size());
        return new Page(all.size(), List.copyOf(all.subList(from, Math.min(all.size(), from + limit))));
    }
}
