package io.cherrypick.simulator.bluecherry.model;

import java.time.LocalDateTime;
import java.util.Map;

/** A record a read resource serves: ordered by {@code last_mod} then {@code pkey}, filtered on its header fields. */
public interface ServedRecord {
    long pkey();

    /** Null for lookup rows, which carry no {@code last_mod}. */
    LocalDateTime lastMod();

    Map<String, Object> headerView();

    Map<String, Object> render(boolean includeChildren);
}
