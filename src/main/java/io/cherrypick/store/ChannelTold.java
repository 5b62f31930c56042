package io.cherrypick.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import io.cherrypick.store.Timestamps;

/**
 * Table {@code stock_channel}: per channel, SKU and site, what the channel was last told (available to sell, the
 * observation it came from, when). The pushes themselves wait in the hand-off (queue {@code stock-channel:<name>}).
 */
@Repository
public class ChannelTold {
    private static final int IN_LIST = 500;

    private final NamedParameterJdbcTemplate jdbc;

    public ChannelTold(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a channel was last told about a SKU at a site. */
    public record Told(String channel, String itemCode, String site, Integer available, Instant observedAt, Instant at) {
        public SkuSite key() {
            return new SkuSite(itemCode, site);
        }
    }

    /**
     * What the channel was last told about a SKU at a site ({@code available}, null if never), and until when a push of
     * it that broke off may still land there ({@code lateUntil}, null if none).
     */
    public record Last(Integer available, Instant lateUntil) {
    }

    /**
     * What the channel was last told about these SKUs and sites (one query per 500 of them). Asked by the whole unique
     * key (channel, item, site): H2 reads "channel = ? and item_code in (...)" through the key's first column only, that
     * is every SKU and site the channel was ever told of, on every push batch.
     */
    public Map<SkuSite, Last> last(String channel, Collection<SkuSite> keys) {
        Map<SkuSite, Last> out = new HashMap<>();
        List<Object[]> rows = keys.stream().distinct().map(k -> new Object[] {channel, k.itemCode(), k.site()}).toList();
        for (int i = 0; i < rows.size(); i += IN_LIST) {
            jdbc.query("select item_code, site, told_available, late_until from stock_channel"
                    + " where (channel, item_code, site) in (:rows)",
                    new MapSqlParameterSource("rows", rows.subList(i, Math.min(rows.size(), i + IN_LIST))), rs -> {
                        out.put(new SkuSite(rs.getString("item_code"), rs.getString("site")),
                                new Last(StockLevels.intOrNull(rs, "told_available"), Timestamps.read(rs, "late_until")));
                    });
        }
        return out;
    }

    /**
     * A push of these levels broke off without an answer: the channel may still apply it until {@code lateUntil}
     * (kept if a later time is held already). What the channel was told stays as it was.
     */
    public void mayLandLate(String channel, Collection<SkuSite> keys, Instant lateUntil) {
        SqlParameterSource[] rows = lateRows(channel, keys, lateUntil);
        if (rows.length == 0) {
            return;
        }
        jdbc.batchUpdate("insert into stock_channel (channel, item_code, site, late_until) values (:channel, :code,"
                + " :site, :late) on conflict do nothing", rows);
        jdbc.batchUpdate("update stock_channel set late_until = :late where channel = :channel and item_code = :code"
                + " and site = :site and (late_until is null or late_until < :late)", rows);
    }

    /** No push of these levels can land late any more. */
    public void settledLate(String channel, Collection<SkuSite> keys) {
        SqlParameterSource[] rows = lateRows(channel, keys, null);
        if (rows.length > 0) {
            jdbc.batchUpdate("update stock_channel set late_until = null where channel = :channel and item_code = :code"
                    + " and site = :site", rows);
        }
    }

    /** One row per level (in SKU and site order, the order levels are locked in) with the time a push may land until. */
    private static SqlParameterSource[] lateRows(String channel, Collection<SkuSite> keys, Instant lateUntil) {
        return keys.stream().distinct().sorted()
                .map(k -> new MapSqlParameterSource().addValue("channel", channel).addValue("code", k.itemCode())
                        .addValue("site", k.site()).addValue("late", Timestamps.utc(lateUntil)))
                .toArray(SqlParameterSource[]::new);
    }

    /** Records what the channel was told (in SKU and site order; one batch per statement). */
    public void record(String channel, List<Told> told) {
        if (told.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        MapSqlParameterSource[] rows = told.stream().sorted(java.util.Comparator.comparing(Told::key))
                .map(t -> new MapSqlParameterSource().addValue("channel", channel).addValue("code", t.itemCode())
                        .addValue("site", t.site()).addValue("told", t.available())
                        .addValue("obs", Timestamps.utc(t.observedAt())).addValue("now", Timestamps.utc(now)))
                .toArray(MapSqlParameterSource[]::new);
        // a row a late-landing mark inserted meanwhile is updated after all: what the channel was told is never lost
        BatchUpsert.write(jdbc, "update stock_channel set told_available = :told, told_observed_at = :obs, told_at = :now"
                + " where channel = :channel and item_code = :code and site = :site", "insert into stock_channel (channel,"
                + " item_code, site, told_available, told_observed_at, told_at) values (:channel, :code, :site, :told,"
                + " :obs, :now)", rows);
    }

    /** What each channel was last told, per SKU and site. */
    public Map<SkuSite, List<Told>> toldByKey() {
        Map<SkuSite, List<Told>> out = new HashMap<>();
        jdbc.query("select * from stock_channel", Map.of(), rs -> {
            Told t = told(rs);
            out.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(t);
        });
        return out;
    }

    /** What the channels were told about one SKU (all sites when {@code site} is null). */
    public List<Told> told(String itemCode, String site) {
        return jdbc.query("select * from stock_channel where item_code = :code and (:site = '' or site = :site)"
                + " order by site, channel", Map.of("code", itemCode, "site", site == null ? "" : site), (rs, i) -> told(rs));
    }

    private static Told told(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Told(rs.getString("channel"), rs.getString("item_code"), rs.getString("site"),
                StockLevels.intOrNull(rs, "told_available"), Timestamps.read(rs, "told_observed_at"),
                Timestamps.read(rs, "told_at"));
    }
}
