package io.cherrypick.ops.search;

import java.util.List;

/**
 * One kind of record the console's search box finds. Each source is a Spring bean; {@link RecordSearch} asks them all.
 * A flow that brings a new kind of record (purchase orders, say) adds a source of its own and its records are found
 * beside orders, despatches and returns, with no change here.
 */
public interface SearchSource {
    /**
     * Records whose number is {@code text} or starts with it (letter case aside), at most {@code limit}, exact ones
     * first. {@code pattern} is {@code text} ready for {@code like ... escape '\'}: upper case, wildcards escaped, ending
     * with {@code %}.
     */
    List<Hit> find(String text, String pattern, int limit);

    /**
     * A record found: its kind ({@code order}, {@code despatch}, {@code return}, ...), its number, a title and a detail
     * in plain words, and the console's address of it ({@code #/orders/P1}).
     */
    record Hit(String kind, String key, String title, String detail, String href) {
    }
}
