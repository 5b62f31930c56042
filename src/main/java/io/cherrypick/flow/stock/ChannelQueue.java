package io.cherrypick.flow.stock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import io.cherrypick.store.Timestamps;

/**
 * Table {@code stock_channel}: per channel, SKU and site, what the channel was last told and whether a push is due.
 * <ul>
 * <li>{@link #markDue}: a level changed; the push is due at the end of the coalescing window, unless one is due already
 * (so a burst of changes gives one push; a change during a push opens a window of its own), and {@code change_seq}
 * counts up;</li>
 * <li>{@link #claim}: due rows, {@code FOR UPDATE SKIP LOCKED}, so each goes to one instance;</li>
 * <li>{@link #settle}: the push went (or was not needed): told values recorded, and the row is no longer due unless
 * {@code change_seq} moved since the claim (a change during the push is pushed next);</li>
 * <li>{@link #retryLater}: the call failed; due again after the backoff, attempts counted.</li>
 * </ul>
 */
@Repository
public class ChannelQueue {
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public ChannelQueue(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** A claimed row with the level it refers to ({@code available}/{@code observedAt} null when no level is stored). */
    public record Claimed(long id, String channel, String itemCode, String site, Integer toldAvailable, long changeSeq,
                          int attempts, Integer available, Instant observedAt) {
        public SkuSite key() {
            return new SkuSite(itemCode, site);
        }
    }

    /** What a channel was last told about a SKU at a site. */
    public record Told(String channel, String itemCode, String site, Integer available, Instant observedAt, Instant at,
                       Instant dueAt, int attempts) {
    }

    /** Marks a push due for every channel at {@code due} (kept if one is due already). Call inside the observation's tx. */
    public void markDue(String itemCode, String site, Collection<String> channels, Instant due) {
        if (channels.isEmpty()) {
            return;
        }
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("code", itemCode).addValue("site", site)
                .addValue("due", Timestamps.utc(due));
        // a row being pushed right now gets a window of its own for this change
        int updated = jdbc.update("update stock_channel set due_at = case when due_at is null or claimed_by is not null"
                + " then :due else due_at end, change_seq = change_seq + 1 where item_code = :code and site = :site", p);
        if (updated < channels.size()) {
            for (String channel : channels) {
                jdbc.update("insert into stock_channel (channel, item_code, site, due_at, change_seq, attempts)"
                        + " values (:channel, :code, :site, :due, 1, 0) on conflict do nothing", p.addValue("channel", channel));
            }
        }
    }

    /**
     * Claims up to {@code limit} rows of a channel due by {@code dueBy} for this instance (stale claims included),
     * in SKU and site order.
     */
    public List<Claimed> claim(String channel, String instanceId, int limit, Duration staleAfter, Instant dueBy) {
        Instant now = Instant.now();
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("channel", channel)
                .addValue("token", instanceId + "/" + UUID.randomUUID()).addValue("limit", limit)
                .addValue("now", Timestamps.utc(now)).addValue("dueBy", Timestamps.utc(dueBy))
                .addValue("stale", Timestamps.utc(now.minus(staleAfter)));
        return tx.execute(status -> {
            List<Long> ids = jdbc.queryForList("select id from stock_channel where channel = :channel and due_at <= :dueBy"
                    + " and (claimed_by is null or claimed_at < :stale) order by due_at, id limit :limit for update skip locked",
                    p, Long.class);
            if (ids.isEmpty()) {
                return List.of();
            }
            p.addValue("ids", ids);
            jdbc.update("update stock_channel set claimed_by = :token, claimed_at = :now where id in (:ids)", p);
            return jdbc.query("select c.id, c.channel, c.item_code, c.site, c.told_available, c.change_seq, c.attempts,"
                    + " l.available, l.observed_at from stock_channel c left join stock_level l on l.item_code = c.item_code"
                    + " and l.site = c.site where c.id in (:ids) order by c.item_code, c.site", p, (rs, i) -> new Claimed(rs.getLong("id"),
                    rs.getString("channel"), rs.getString("item_code"), rs.getString("site"), intOrNull(rs, "told_available"),
                    rs.getLong("change_seq"), rs.getInt("attempts"), intOrNull(rs, "available"),
                    Timestamps.read(rs, "observed_at")));
        });
    }

    /** What was told, per claimed row; a null level means nothing was sent for that row. */
    public record Settled(Claimed row, Integer toldAvailable, Instant toldObservedAt) {
    }

    /**
     * Settles claimed rows after a successful push (or none needed). Rows are updated in SKU and site order, the order
     * observations lock them in, so the two never wait for each other in a cycle.
     */
    public void settle(List<Settled> unordered) {
        if (unordered.isEmpty()) {
            return;
        }
        List<Settled> rows = unordered.stream().sorted(java.util.Comparator.comparing((Settled s) -> s.row().itemCode())
                .thenComparing(s -> s.row().site())).toList();
        Instant now = Instant.now();
        List<SqlParameterSource> told = new ArrayList<>();
        List<SqlParameterSource> untouched = new ArrayList<>();
        for (Settled s : rows) {
            MapSqlParameterSource p = new MapSqlParameterSource().addValue("id", s.row().id())
                    .addValue("seq", s.row().changeSeq()).addValue("now", Timestamps.utc(now));
            if (s.toldAvailable() != null) {
                told.add(p.addValue("told", s.toldAvailable()).addValue("obs", Timestamps.utc(s.toldObservedAt())));
            } else {
                untouched.add(p);
            }
        }
        String clear = " attempts = 0, claimed_by = null, claimed_at = null,"
                + " due_at = case when change_seq = :seq then null else due_at end where id = :id";
        if (!told.isEmpty()) {
            jdbc.batchUpdate("update stock_channel set told_available = :told, told_observed_at = :obs, told_at = :now,"
                    + clear, told.toArray(SqlParameterSource[]::new));
        }
        if (!untouched.isEmpty()) {
            jdbc.batchUpdate("update stock_channel set" + clear, untouched.toArray(SqlParameterSource[]::new));
        }
    }

    /** Puts claimed rows back, due again at {@code next}, with their attempts counted. */
    public void retryLater(Collection<Claimed> rows, int attempts, Instant next) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update("update stock_channel set attempts = :attempts, due_at = :next, claimed_by = null, claimed_at = null"
                + " where id in (:ids)", new MapSqlParameterSource().addValue("attempts", attempts)
                .addValue("next", Timestamps.utc(next)).addValue("ids", rows.stream().map(Claimed::id).toList()));
    }

    /** What each channel was last told, per SKU and site. */
    public Map<SkuSite, List<Told>> toldByKey() {
        Map<SkuSite, List<Told>> out = new HashMap<>();
        jdbc.query("select * from stock_channel", Map.of(), rs -> {
            Told t = told(rs);
            out.computeIfAbsent(new SkuSite(t.itemCode(), t.site()), k -> new ArrayList<>()).add(t);
        });
        return out;
    }

    /** What the channels were told about one SKU (all sites when {@code site} is null). */
    public List<Told> told(String itemCode, String site) {
        return jdbc.query("select * from stock_channel where item_code = :code and (:site = '' or site = :site)"
                + " order by site, channel", Map.of("code", itemCode, "site", site == null ? "" : site), (rs, i) -> told(rs));
    }

    /** Rows waiting to be pushed per channel (due now or later). */
    public Map<String, Integer> backlog() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        jdbc.query("select channel, count(*) as n from stock_channel where due_at is not null group by channel", Map.of(),
                rs -> {
                    out.put(rs.getString("channel"), rs.getInt("n"));
                });
        return out;
    }

    private static Told told(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Told(rs.getString("channel"), rs.getString("item_code"), rs.getString("site"),
                intOrNull(rs, "told_available"), Timestamps.read(rs, "told_observed_at"), Timestamps.read(rs, "told_at"),
                Timestamps.read(rs, "due_at"), rs.getInt("attempts"));
    }

    static Integer intOrNull(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
