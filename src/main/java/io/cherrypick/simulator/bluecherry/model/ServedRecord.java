package io.cherrypick.simulator.bluecherry.model;

import java.time.LocalDateTime;
import java.util.Map;

/** A record a read resource serves: ordered by {@code last_mod} then {@code pkey}, filtered on its header fields. */
public interface ServedRecord {
    long pkey();

    /** Null for lookup rows, which carry no {@code last_mod}. */
    LocalDateTime lastMod();

    /** The header as served: a new map on every call. */
    Map<String, Object> headerView();

    /**
     * The header as {@code $filter} reads it, not copied ({@link HeaderView}); {@code last_mod} as a
     * {@link LocalDateTime}. The same fields as {@link #headerView()}.
     */
    default Map<String, Object> filterView() {
        return headerView();
    }

    Map<String, Object> render(boolean includeChildren);
}
