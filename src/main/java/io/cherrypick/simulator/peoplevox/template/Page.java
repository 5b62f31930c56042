package io.cherrypick.simulator.peoplevox.template;

import java.util.List;

/**
 * One page of matching rows. PageNo is 1-based; ItemsPerPage 0 (or missing) returns every row; a larger
 * ItemsPerPage than the page cap is reduced to the cap.
 */
public record Page<T>(int totalCount, List<T> rows) {

    public static <T> Page<T> of(List<T> matches, Integer pageNo, Integer itemsPerPage, int pageCap) {
        int size = itemsPerPage == null || itemsPerPage <= 0 ? matches.size() : Math.min(itemsPerPage, pageCap);
        int page = pageNo == null || pageNo < 1 ? 1 : pageNo;
        long from = (long) (page - 1) * size;
        if (size == 0 || from >= matches.size()) {
            return new Page<>(matches.size(), List.of());
        }
        int to = (int) Math.min(matches.size(), from + size);
        return new Page<>(matches.size(), List.copyOf(matches.subList((int) from, to)));
    }
}
