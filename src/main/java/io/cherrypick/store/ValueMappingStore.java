package io.cherrypick.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Tenant code lists (kind = {@code site}, {@code shipper}, ...): Blue Cherry value to Peoplevox value. Each kind is read
 * from the database at most every {@link #CACHE_TTL_MILLIS} ms (senders look mappings up for every record of a batch);
 * a change through this store applies at once on this instance, and within that time on the others.
 * <p>
 * The cache is bounded, because a kind is named by whoever asks (a route, the ops API, the console): only kinds that
 * hold values are cached, at most {@code cherrypick.value-mappings.cached-kinds} of them (the least recently used
 * goes first). A kind that holds no values is answered from the list of kinds that do (itself cached), so asking for
 * any number of made-up kinds costs neither memory nor a query each.
 */
@Repository
public class ValueMappingStore {
    public static final String SITE = "site";
    public static final String SHIPPER = "shipper";
    /** value_mapping.kind's width: a longer kind cannot hold values. */
    static final int KIND_WIDTH = 30;

    static final long CACHE_TTL_MILLIS = 2000;

    private final NamedParameterJdbcTemplate jdbc;
    private final Map<String, Cached<Map<String, String>>> cache;
    private volatile Cached<Set<String>> kindsHeld;

    private record Cached<T>(T values, long readAt) {
        boolean fresh() {
            return System.currentTimeMillis() - readAt < CACHE_TTL_MILLIS;
        }
    }

    public ValueMappingStore(NamedParameterJdbcTemplate jdbc,
                             @Value("${cherrypick.value-mappings.cached-kinds}") int cachedKinds) {
        if (cachedKinds < 1) {
            throw new IllegalArgumentException("cherrypick.value-mappings.cached-kinds must be at least 1, not "
                    + cachedKinds);
        }
        this.jdbc = jdbc;
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached<Map<String, String>>> eldest) {
                return size() > cachedKinds;
            }
        });
    }

    /** How many kinds the cache holds now (at most {@code cached-kinds}). */
    int cachedKinds() {
        return cache.size();
    }

    public Optional<String> lookup(String kind, String sourceValue) {
        if (sourceValue == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(all(kind).get(sourceValue));
    }

    public Map<String, String> all(String kind) {
        if (kind == null || !Columns.fits(kind, KIND_WIDTH) || !kindsHeld().contains(kind)) {
            return Map.of(); // not cached: the list of kinds that hold values answered
        }
        Cached<Map<String, String>> cached = cache.get(kind);
        if (cached != null && cached.fresh()) {
            return cached.values();
        }
        Map<String, String> values = new TreeMap<>();
        jdbc.query("select source_value, target_value from value_mapping where kind = :kind", Map.of("kind", kind),
                rs -> {
                    values.put(rs.getString("source_value"), rs.getString("target_value"));
                });
        Map<String, String> frozen = java.util.Collections.unmodifiableMap(values);
        if (!frozen.isEmpty()) {
            cache.put(kind, new Cached<>(frozen, System.currentTimeMillis()));
        }
        return frozen;
    }

    /** The kinds that hold values, read at most every {@link #CACHE_TTL_MILLIS} ms. */
    private Set<String> kindsHeld() {
        Cached<Set<String>> held = kindsHeld;
        if (held != null && held.fresh()) {
            return held.values();
        }
        Set<String> kinds = Set.copyOf(jdbc.queryForList("select distinct kind from value_mapping", Map.of(), String.class));
        kindsHeld = new Cached<>(kinds, System.currentTimeMillis());
        return kinds;
    }

    private void changed(String kind) {
        cache.remove(kind);
        kindsHeld = null;
    }

    /** Every kind that holds values, with how many. */
    public Map<String, Integer> kinds() {
        Map<String, Integer> kinds = new TreeMap<>();
        jdbc.query("select kind, count(*) as n from value_mapping group by kind", Map.of(),
                rs -> {
                    kinds.put(rs.getString("kind"), rs.getInt("n"));
                });
        return kinds;
    }

    public void put(String kind, String sourceValue, String targetValue) {
        changed(kind);
        Map<String, Object> p = Map.of("kind", kind, "source", sourceValue, "target", targetValue, "now", Timestamps.now());
        if (jdbc.update("update value_mapping set target_value = :target, updated_at = :now where kind = :kind"
                + " and source_value = :source", p) == 0) {
            jdbc.update("insert into value_mapping (kind, source_value, target_value, updated_at) values (:kind, :source,"
                    + " :target, :now)", p);
        }
    }

    /**
     * Seeds a value from configuration unless an operator already set one. One statement that does nothing when the
     * value exists, so instances starting together on one database never collide over a seed.
     */
    public void putIfAbsent(String kind, String sourceValue, String targetValue) {
        int inserted = jdbc.update("insert into value_mapping (kind, source_value, target_value, updated_at) values (:kind,"
                + " :source, :target, :now) on conflict do nothing", Map.of("kind", kind, "source", sourceValue,
                "target", targetValue, "now", Timestamps.now()));
        if (inserted > 0) {
            changed(kind);
        }
    }

    public boolean remove(String kind, String sourceValue) {
        changed(kind);
        return jdbc.update("delete from value_mapping where kind = :kind and source_value = :source",
                Map.of("kind", kind, "source", sourceValue)) == 1;
    }

    /** Removes every value of a kind (e.g. to start a test or a re-seed from nothing); returns how many. */
    public int removeKind(String kind) {
        changed(kind);
        return jdbc.update("delete from value_mapping where kind = :kind", Map.of("kind", kind));
    }
}
