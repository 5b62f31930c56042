package io.cherrypick.ops.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** The console's one search box: asks every {@link SearchSource} and puts exact matches first. */
@Service
public class RecordSearch {
    /** Hits per source at most. */
    static final int PER_SOURCE = 20;
    static final int MAX_TEXT = 100;

    private final ObjectProvider<SearchSource> sources;

    public RecordSearch(ObjectProvider<SearchSource> sources) {
        this.sources = sources;
    }

    public List<SearchSource.Hit> find(String text) {
        String q = text == null ? "" : text.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        if (q.length() > MAX_TEXT) {
            throw new IllegalArgumentException("search: at most " + MAX_TEXT + " characters (got " + q.length() + ")");
        }
        String pattern = q.toUpperCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<SearchSource.Hit> exact = new ArrayList<>();
        List<SearchSource.Hit> starting = new ArrayList<>();
        sources.orderedStream().forEach(source -> {
            for (SearchSource.Hit hit : source.find(q, pattern, PER_SOURCE)) {
                (hit.key().equalsIgnoreCase(q) ? exact : starting).add(hit);
            }
        });
        exact.addAll(starting);
        return exact;
    }
}
