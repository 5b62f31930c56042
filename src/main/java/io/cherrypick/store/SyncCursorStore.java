package io.cherrypick.store;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Persisted pull positions, one per flow. Saved in the same transaction as what the pull stored. */
@Repository
public class SyncCursorStore {
    private final NamedParameterJdbcTemplate jdbc;

    public SyncCursorStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A watermark (the source's own ordering value, e.g. Blue Cherry {@code last_mod}) and the keys already taken
     * at exactly that value.
     */
    public record Cursor(String watermark, Set<String> keysAtWatermark) {
        public static final Cursor START = new Cursor(null, Set.of());
    }

    public Cursor load(String flow) {
        return jdbc.query("select watermark, keys_at_watermark from sync_cursor where flow = :flow", Map.of("flow", flow),
                        (rs, i) -> new Cursor(blankToNull(rs.getString("watermark")), split(rs.getString("keys_at_watermark"))))
                .stream().findFirst().orElse(Cursor.START);
    }

    public void save(String flow, Cursor cursor) {
        Map<String, Object> p = Map.of("flow", flow, "wm", cursor.watermark() == null ? "" : cursor.watermark(),
                "keys", String.join(",", cursor.keysAtWatermark()), "now", Timestamps.now());
        if (jdbc.update("update sync_cursor set watermark = :wm, keys_at_watermark = :keys, updated_at = :now where flow = :flow", p) == 0) {
            jdbc.update("insert into sync_cursor (flow, watermark, keys_at_watermark, updated_at) values (:flow, :wm, :keys, :now)", p);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Set<String> split(String joined) {
        if (joined == null || joined.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(joined.split(",")));
    }
}
