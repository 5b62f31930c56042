package io.cherrypick.store;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Tenant code lists (kind = {@code site}, {@code shipper}, ...): Blue Cherry value to Peoplevox value. Each kind is read
 * from the database at most every {@link #CACHE_TTL_MILLIS} ms (senders look mappings up for every record of a batch);
 * a change through this store applies at once on this instance, and within that time on the others.
 */
@Repository
public class ValueMappingStore {
    public static final String SITE = "site";
    public static final String SHIPPER = "shipper";

    static final long CACHE_TTL_MILLIS = 2000;

    private final NamedParameterJdbcTemplate jdbc;
    private final Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private record Cached(Map<String, String> values, long readAt) {
    }

    public ValueMappingStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> lookup(String kind, String sourceValue) {
        if (sourceValue == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(all(kind).get(sourceValue));
    }

    public Map<String, String> all(String kind) {
        Cached cached = cache.get(kind);
        if (cached != null && System.currentTimeMillis() - cached.readAt() < CACHE_TTL_MILLIS) {
            return cached.values();
        }
        Map<String, String> values = new TreeMap<>();
        jdbc.query("select source_value, target_value from value_mapping where kind = :kind", Map.of("kind", kind),
                rs -> {
                    values.put(rs.getString("source_value"), rs.getString("target_value"));
                });
        Map<String, String> frozen = java.util.Collections.unmodifiableMap(values);
        cache.put(kind, new Cached(frozen, System.currentTimeMillis()));
        return frozen;
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
        cache.remove(kind);
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
            cache.remove(kind);
        }
    }

    public boolean remove(String kind, String sourceValue) {
        cache.remove(kind);
        return jdbc.update("delete from value_mapping where kind = :kind and source_value = :source",
                Map.of("kind", kind, "source", sourceValue)) == 1;
    }

    /** Removes every value of a kind (e.g. to start a test or a re-seed from nothing); returns how many. */
    public int removeKind(String kind) {
        cache.remove(kind);
        return jdbc.update("delete from value_mapping where kind = :kind", Map.of("kind", kind));
    }
}
