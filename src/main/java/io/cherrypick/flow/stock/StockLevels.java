package io.cherrypick.flow.stock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import io.cherrypick.store.Timestamps;

/**
 * Table {@code stock_level}: the latest Peoplevox level per SKU and site, and what Blue Cherry was last told; and table
 * {@code stock_refresh}: levels to read again because on hand moved (IncrementalChanges).
 * <p>
 * {@link #observe} stores an observation only if it is newer than the stored one (time, then sequence). The comparison
 * is part of the UPDATE, and a first insert races safely ({@code on conflict do nothing}, then the guarded update), so
 * instances processing events of one SKU concurrently end with the newest level, whatever the order.
 */
@Repository
public class StockLevels {
    private final NamedParameterJdbcTemplate jdbc;
    private final ChannelQueue channels;

    public StockLevels(NamedParameterJdbcTemplate jdbc, ChannelQueue channels) {
        this.jdbc = jdbc;
        this.channels = channels;
    }

    /**
     * Stores the observation if it is the newest for its SKU and site; then a push to each channel is due at
     * {@code channelDue} (or earlier if one is due already). Returns whether it was stored. Run inside a transaction.
     */
    public boolean observe(StockObservation o, Collection<String> channelNames, Instant channelDue) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("code", o.itemCode()).addValue("site", o.site())
                .addValue("available", o.available()).addValue("onHand", o.onHand()).addValue("allocated", o.allocated())
                .addValue("at", Timestamps.utc(o.observedAt())).addValue("seq", o.seq()).addValue("source", o.source())
                .addValue("now", Timestamps.now());
        boolean stored = updateIfNewer(p) || jdbc.update("insert into stock_level (item_code, site, available, on_hand,"
                + " allocated, observed_at, observed_seq, source, updated_at) values (:code, :site, :available, :onHand,"
                + " :allocated, :at, :seq, :source, :now) on conflict do nothing", p) == 1 || updateIfNewer(p);
        if (stored) {
            channels.markDue(o.itemCode(), o.site(), channelNames, channelDue);
        }
        return stored;
    }

    private boolean updateIfNewer(MapSqlParameterSource p) {
        return jdbc.update("update stock_level set available = :available, on_hand = coalesce(:onHand, on_hand),"
                + " allocated = coalesce(:allocated, allocated), observed_at = :at, observed_seq = :seq, source = :source,"
                + " updated_at = :now where item_code = :code and site = :site"
                + " and (observed_at < :at or (observed_at = :at and observed_seq < :seq))", p) == 1;
    }

    public List<StockLevel> all() {
        return jdbc.query("select * from stock_level order by item_code, site", Map.of(), ROW);
    }

    public List<StockLevel> find(String itemCode, String site) {
        return jdbc.query("select * from stock_level where (:code = '' or item_code = :code) and (:site = '' or site = :site)"
                + " order by item_code, site limit 1000", Map.of("code", itemCode == null ? "" : itemCode,
                "site", site == null ? "" : site), ROW);
    }

    /** Levels whose on hand Blue Cherry has not been told yet (never, or a different quantity). */
    public List<StockLevel> changedForBlueCherry() {
        return jdbc.query("select * from stock_level where on_hand is not null and (bc_sent_on_hand is null"
                + " or bc_sent_on_hand <> on_hand) order by item_code, site", Map.of(), ROW);
    }

    /** Records the on hand quantity Blue Cherry accepted for each SKU and site. */
    public void markSentToBlueCherry(Map<SkuSite, Integer> sent) {
        if (sent.isEmpty()) {
            return;
        }
        List<SqlParameterSource> batch = new ArrayList<>();
        // in SKU and site order, the order observations lock levels in
        new java.util.TreeMap<>(sent).forEach((key, qty) -> batch.add(new MapSqlParameterSource().addValue("code", key.itemCode())
                .addValue("site", key.site()).addValue("qty", qty).addValue("now", Timestamps.now())));
        jdbc.batchUpdate("update stock_level set bc_sent_on_hand = :qty, bc_sent_at = :now, bc_refused = null"
                + " where item_code = :code and site = :site", batch.toArray(SqlParameterSource[]::new));
    }

    /** Remembers the row Blue Cherry refused, so it is not sent again until something in it changes. */
    public void markRefusedByBlueCherry(SkuSite key, String signature) {
        jdbc.update("update stock_level set bc_refused = :sig where item_code = :code and site = :site",
                Map.of("sig", signature, "code", key.itemCode(), "site", key.site()));
    }

    // ---- levels to read again (IncrementalChanges)

    /** On hand moved at {@code since} (Peoplevox time): read the level again unless a newer observation brings it. */
    public void requestRefresh(SkuSite key, Instant since) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("code", key.itemCode()).addValue("site", key.site())
                .addValue("since", Timestamps.utc(since)).addValue("now", Timestamps.now());
        if (jdbc.update("insert into stock_refresh (item_code, site, needed_since, requested_at) values (:code, :site,"
                + " :since, :now) on conflict do nothing", p) == 0) {
            jdbc.update("update stock_refresh set needed_since = :since where item_code = :code and site = :site"
                    + " and needed_since < :since", p);
        }
    }

    /**
     * The refreshes still needed, oldest first: no level yet, its on hand unknown, or observed before on hand moved.
     * Those an observation already satisfied are removed.
     */
    public List<SkuSite> refreshesNeeded(int limit) {
        jdbc.update("delete from stock_refresh where exists (select 1 from stock_level l where l.item_code ="
                + " stock_refresh.item_code and l.site = stock_refresh.site and l.on_hand is not null"
                + " and l.observed_at >= stock_refresh.needed_since)", Map.of());
        return jdbc.query("select item_code, site from stock_refresh order by requested_at limit :limit",
                Map.of("limit", limit), (rs, i) -> new SkuSite(rs.getString("item_code"), rs.getString("site")));
    }

    /**
     * Removes the refreshes of these SKUs that a report read answered: requested before the read started, for a
     * movement of an earlier second than the read's stamp (one of the same second may have come after the read).
     */
    public void refreshed(Collection<String> itemCodes, Instant readStart, Instant readStamp) {
        if (itemCodes.isEmpty()) {
            return;
        }
        jdbc.update("delete from stock_refresh where item_code in (:codes) and requested_at <= :start"
                + " and needed_since < :stamp", new MapSqlParameterSource().addValue("codes", itemCodes)
                .addValue("start", Timestamps.utc(readStart)).addValue("stamp", Timestamps.utc(readStamp)));
    }

    private static final RowMapper<StockLevel> ROW = (rs, i) -> new StockLevel(rs.getString("item_code"),
            rs.getString("site"), rs.getInt("available"), ChannelQueue.intOrNull(rs, "on_hand"),
            ChannelQueue.intOrNull(rs, "allocated"), Timestamps.read(rs, "observed_at"), rs.getLong("observed_seq"),
            rs.getString("source"), Timestamps.read(rs, "updated_at"), ChannelQueue.intOrNull(rs, "bc_sent_on_hand"),
            Timestamps.read(rs, "bc_sent_at"), rs.getString("bc_refused"));
}
