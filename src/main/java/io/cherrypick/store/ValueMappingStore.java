package io.cherrypick.store;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Tenant code lists (kind = {@code site}, {@code shipper}, ...): Blue Cherry value to Peoplevox value. Read on every use,
 * so a mapping added through the ops API applies to the next record without a restart.
 */
@Repository
public class ValueMappingStore {
    public static final String SITE = "site";
    public static final String SHIPPER = "shipper";

    private final NamedParameterJdbcTemplate jdbc;

    public ValueMappingStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> lookup(String kind, String sourceValue) {
        if (sourceValue == null) {
            return Optional.empty();
        }
        return jdbc.queryForList("select target_value from value_mapping where kind = :kind and source_value = :source",
                Map.of("kind", kind, "source", sourceValue), String.class).stream().findFirst();
    }

    public Map<String, String> all(String kind) {
        Map<String, String> values = new TreeMap<>();
        jdbc.query("select source_value, target_value from value_mapping where kind = :kind", Map.of("kind", kind),
                rs -> {
                    values.put(rs.getString("source_value"), rs.getString("target_value"));
                });
        return values;
    }

    public void put(String kind, String sourceValue, String targetValue) {
        Map<String, Object> p = Map.of("kind", kind, "source", sourceValue, "target", targetValue, "now", Timestamps.now());
        if (jdbc.update("update value_mapping set target_value = :target, updated_at = :now where kind = :kind"
                + " and source_value = :source", p) == 0) {
            jdbc.update("insert into value_mapping (kind, source_value, target_value, updated_at) values (:kind, :source,"
                    + " :target, :now)", p);
        }
    }

    /** Seeds a value from configuration unless an operator already set one. */
    public void putIfAbsent(String kind, String sourceValue, String targetValue) {
        if (lookup(kind, sourceValue).isEmpty()) {
            put(kind, sourceValue, targetValue);
        }
    }

    public boolean remove(String kind, String sourceValue) {
        return jdbc.update("delete from value_mapping where kind = :kind and source_value = :source",
                Map.of("kind", kind, "source", sourceValue)) == 1;
    }
}
