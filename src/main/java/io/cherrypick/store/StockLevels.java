package io.cherrypick.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import io.cherrypick.flow.stock.StockProperties;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.peoplevox.Peoplevox;
import io.cherrypick.peoplevox.SearchClauses;
import io.cherrypick.peoplevox.model.InventoryReport;
import io.cherrypick.store.Timestamps;

/**
 * Table {@code stock_level}: the latest Peoplevox level per SKU and site, and what Blue Cherry was last told; and table
 * {@code stock_refresh}: levels to read again because on hand moved (IncrementalChanges). Bean {@code stockLevels} of
 * routes/stock-from-wms.camel.yaml.
 * <p>
 * An observation is stored only if it is newer than the stored one (time, then sequence). The comparison is part of the
 * UPDATE, and a first insert races safely ({@code on conflict do nothing}, then the guarded update again), so instances
 * storing levels of one SKU concurrently end with the newest, whatever the order. Levels are written in SKU and site
 * order everywhere, in one JDBC batch per statement. What changed is returned as one message per SKU and site (key
 * {@code <item>|<site>}, due when its push should go) for the channels' queues.
 */
@Repository("stockLevels")
public class StockLevels {
    /** Header of a refresh read: when the read started (its observations carry that second). */
    /** The widths of stock_level.item_code and stock_level.site (and of every stock table keyed by them). */
    public static final int ITEM_CODE_WIDTH = 50;
    public static final int SITE_WIDTH = 60;
    static final String READ_STARTED = "StockReadStarted";
    static final String REFRESH_CODES = "StockRefreshCodes";
    static final String CHANGE_TYPE = "StockLevel";
    private static final Logger log = LoggerFactory.getLogger(StockLevels.class);
    private static final int IN_LIST = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final StockProperties props;
    private final CamelContext camel;

    public StockLevels(NamedParameterJdbcTemplate jdbc, StockProperties props, CamelContext camel) {
        this.jdbc = jdbc;
        this.props = props;
        this.camel = camel;
    }

    // ---- route steps

    /**
     * The events of a batch (bodies: {@link StockObservation}, {@link StockMovement}): of each SKU and site only the
     * newest observation is stored (if newer than the level held); its push is due when the first of its events arrived
     * plus the channel window (0 by default: at once; under load the hand-off coalesces it into a push that waits or
     * holds it until the push in flight is settled). Movements, and observations without on hand, ask for the level
     * to be read again. Returns the levels that changed. Run inside the transaction that settles the events.
     */
    public List<Message> storeEvents(List<Message> events) {
        Map<SkuSite, StockObservation> newest = new TreeMap<>();
        Map<SkuSite, Instant> firstArrived = new HashMap<>();
        Map<SkuSite, Instant> refreshes = new TreeMap<>();
        for (Message event : events) {
            if (event.getBody() instanceof StockObservation o) {
                SkuSite key = new SkuSite(o.itemCode(), o.site());
                Instant arrived = event.getHeader(Handoff.CREATED_AT, Instant.class);
                firstArrived.merge(key, arrived == null ? Instant.now() : arrived, (a, b) -> a.isBefore(b) ? a : b);
                newest.merge(key, o, (a, b) -> b.newerThan(a.observedAt(), a.seq()) ? b : a);
            } else if (event.getBody() instanceof StockMovement m) {
                refreshes.merge(m.key(), m.since(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        newest.forEach((key, o) -> {
            if (o.onHand() == null) {
                refreshes.merge(key, o.observedAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        });
        // two events of the batch in the newest one's second that disagree: which came last is read from Peoplevox
        for (Message event : events) {
            if (event.getBody() instanceof StockObservation o) {
                SkuSite key = new SkuSite(o.itemCode(), o.site());
                StockObservation chosen = newest.get(key);
                if (chosen.undecidedAgainst(o.observedAt(), o.available(), o.onHand(), o.allocated())) {
                    refreshes.merge(key, chosen.nextSecond(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        Set<SkuSite> stored = observe(newest.values());
        requestRefreshes(refreshes);
        Map<SkuSite, Instant> due = new TreeMap<>();
        stored.forEach(key -> due.put(key, firstArrived.get(key).plus(props.channelWindow())));
        if (log.isDebugEnabled()) {
            log.debug("stock events: {} read, {} level(s) stored, {} refresh(es) requested", events.size(), stored.size(),
                    refreshes.size());
        }
        return changes(due);
    }

    /**
     * Levels to read again (IncrementalChanges), up to {@code refreshBatch} SKUs: body the item codes, header
     * PeoplevoxSearchClause the report filter on them, header StockReadStarted when the read starts.
     */
    public List<String> refreshesNeeded(Exchange exchange) {
        List<String> codes = new ArrayList<>(new LinkedHashSet<>(refreshesNeeded(props.refreshBatch()).stream()
                .map(SkuSite::itemCode).toList()));
        exchange.getIn().setHeader(Peoplevox.SEARCH_CLAUSE, SearchClauses.anyEquals("[Item code]", codes));
        exchange.getIn().setHeader(REFRESH_CODES, codes);
        exchange.getIn().setHeader(READ_STARTED, Instant.now());
        return codes;
    }

    /**
     * The report rows read again (body): the levels of the SKUs asked for are stored as observations stamped with the
     * second the read started, pushed to the channels at once; the refreshes the read answered are removed. Returns the
     * levels that changed.
     */
    @SuppressWarnings("unchecked")
    public List<Message> storeRefreshed(Exchange exchange) {
        List<String> codes = exchange.getIn().getHeader(REFRESH_CODES, List.class);
        Instant started = exchange.getIn().getHeader(READ_STARTED, Instant.class);
        Instant stamp = InventoryReport.stamp(started);
        Set<String> asked = new TreeSet<>(codes);
        List<Map<String, String>> report = exchange.getIn().getBody(List.class);
        List<StockObservation> read = InventoryReport.rows(report, props.defaultSite()).stream()
                .filter(r -> asked.contains(r.itemCode()))
                .map(r -> r.observation(stamp, StockObservation.REFRESH)).toList();
        Set<SkuSite> stored = observe(read);
        refreshed(asked, started, stamp);
        log.debug("read {} SKU(s) again after on hand moved: {} level(s) stored", asked.size(), stored.size());
        return dueNow(stored);
    }

    /**
     * Levels whose on hand Blue Cherry has not been told yet (never, or a different quantity), or that a document of
     * Cherrypick moved in Blue Cherry since it was told ({@link #movedInBlueCherry}).
     */
    public List<StockLevel> changedForBlueCherry() {
        return jdbc.query("select * from stock_level where on_hand is not null and (bc_sent_on_hand is null"
                + " or bc_sent_on_hand <> on_hand or bc_moved_at is not null) order by item_code, site", Map.of(), ROW);
    }

    /**
     * Cherrypick posted a document that moves Blue Cherry's own stock of these items at this site (a shipment, a return
     * or production receipt): Blue Cherry no longer holds what it was last told, and if the level it was told already
     * counted the document's units, it now holds them twice. The next overlay sends the levels again. Without a site
     * (a report that does not name it) the items' levels at every site go again. Returns how many levels were marked
     * (none for an item whose level is not known).
     */
    public int movedInBlueCherry(String site, Collection<String> itemCodes) {
        return movedInBlueCherry(itemCodes.stream().map(code -> SkuSite.movedAt(code, site)).toList());
    }

    /**
     * As {@link #movedInBlueCherry(String, Collection)} for the documents of a whole batch (a blank site: the item at
     * every site), in one locking pass: levels are locked in SKU and site order, as observations lock them, so a
     * batch of shipments and a stock refresh cannot deadlock on two levels.
     */
    public int movedInBlueCherry(Collection<SkuSite> moved) {
        List<Object[]> keys = moved.stream().filter(m -> !m.site().isBlank()).distinct().sorted()
                .map(k -> new Object[] {k.itemCode(), k.site()}).toList();
        List<String> everySite = moved.stream().filter(m -> m.site().isBlank()).map(SkuSite::itemCode).distinct().sorted()
                .toList();
        if (keys.isEmpty() && everySite.isEmpty()) {
            return 0;
        }
        // by the whole key (item_code, site) where the site is known; the never-matching dummy keeps the SQL one shape
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("keys", keys.isEmpty() ? List.<Object[]>of(new Object[] {"", ""}) : keys)
                .addValue("codes", everySite.isEmpty() ? List.of("") : everySite);
        return markMoved("(item_code, site) in (:keys) or item_code in (:codes)", p, Instant.now());
    }

    /**
     * An overlay POST of these levels broke off without an answer (a timeout, a dropped connection): Blue Cherry may
     * still apply it, late, over a newer overlay. The levels are sent again by every overlay until one reads them after
     * {@code lateUntil}, the latest such a request could still land.
     */
    public void overlayMayLandLate(Collection<SkuSite> levels, Instant lateUntil) {
        if (levels.isEmpty()) {
            return;
        }
        List<Object[]> keys = levels.stream().distinct().sorted().map(k -> new Object[] {k.itemCode(), k.site()}).toList();
        markMoved("(item_code, site) in (:keys)", new MapSqlParameterSource("keys", keys), lateUntil);
    }

    /**
     * Sets {@code bc_moved_at} to {@code at} unless it holds a later time already: a movement now must not shorten the
     * window of an overlay that may still land later, or the overlay read in between would settle both.
     */
    private int markMoved(String where, MapSqlParameterSource p, Instant at) {
        // one UPDATE locks rows in the order it finds them; locked first in SKU and site order, the order every writer
        // of levels keeps (observations, overlays), two transactions cannot each hold a level the other waits for
        jdbc.query("select item_code, site from stock_level where " + where + " order by item_code, site for update", p,
                rs -> { });
        return jdbc.update("update stock_level set bc_moved_at = case when bc_moved_at is null or bc_moved_at < :at"
                + " then :at else bc_moved_at end where " + where, p.addValue("at", Timestamps.utc(at)));
    }

    /** Every level whose on hand is known (the nightly full overlay). */
    public List<StockLevel> allWithOnHand() {
        return jdbc.query("select * from stock_level where on_hand is not null order by item_code, site", Map.of(), ROW);
    }

    // ---- storing

    /**
     * Stores each observation that is newer than the level held (in SKU and site order, one batch per statement).
     * Returns the SKUs and sites stored.
     */
    public Set<SkuSite> observe(Collection<StockObservation> observations) {
        List<StockObservation> sorted = observations.stream()
                .sorted(java.util.Comparator.comparing((StockObservation o) -> new SkuSite(o.itemCode(), o.site()))).toList();
        Set<SkuSite> stored = new TreeSet<>();
        if (sorted.isEmpty()) {
            return stored;
        }
        requestRefreshes(undecided(sorted));
        Instant now = Instant.now();
        List<StockObservation> missing = apply(UPDATE_IF_NEWER, sorted, now, stored);
        List<StockObservation> raced = apply("insert into stock_level (item_code, site, available, on_hand, allocated,"
                + " observed_at, observed_seq, source, updated_at) values (:code, :site, :available, :onHand, :allocated, :at,"
                + " :seq, :source, :now) on conflict do nothing", missing, now, stored);
        // another instance inserted the first level of these meanwhile: the guarded update decides
        apply(UPDATE_IF_NEWER, raced, now, stored);
        return stored;
    }

    /**
     * The observations of the same second as the level held that disagree with it, each with the time a settling
     * observation must be from (the next second): the level is read again (stock-refresh) by a read that starts after
     * that second, as an IncrementalChanges asks. The levels are locked first, in SKU and site order as every writer
     * locks them, so an instance storing the same level meanwhile waits and is compared after.
     */
    private Map<SkuSite, Instant> undecided(List<StockObservation> sorted) {
        Map<SkuSite, Instant> undecided = new TreeMap<>();
        for (int i = 0; i < sorted.size(); i += IN_LIST) {
            List<StockObservation> part = sorted.subList(i, Math.min(sorted.size(), i + IN_LIST));
            Map<SkuSite, StockObservation> byKey = new HashMap<>();
            part.forEach(o -> byKey.put(new SkuSite(o.itemCode(), o.site()), o));
            List<Object[]> keys = part.stream().map(o -> new Object[] {o.itemCode(), o.site()}).toList();
            jdbc.query("select * from stock_level where (item_code, site) in (:keys) order by item_code, site"
                    + " for update", Map.of("keys", keys), rs -> {
                        StockLevel held = ROW.mapRow(rs, 0);
                        StockObservation o = byKey.get(held.key());
                        if (o != null && o.undecidedAgainst(held.observedAt(), held.available(), held.onHand(),
                                held.allocated())) {
                            undecided.put(held.key(), o.nextSecond());
                        }
                    });
        }
        if (!undecided.isEmpty()) {
            log.debug("stock: {} level(s) observed twice in one second with different quantities; read again: {}",
                    undecided.size(), undecided.keySet());
        }
        return undecided;
    }

    private static final String UPDATE_IF_NEWER = "update stock_level set available = :available,"
            + " on_hand = coalesce(:onHand, on_hand), allocated = coalesce(:allocated, allocated), observed_at = :at,"
            + " observed_seq = :seq, source = :source, updated_at = :now where item_code = :code and site = :site"
            + " and (observed_at < :at or (observed_at = :at and observed_seq < :seq))";

    /** Runs the statement for each observation; adds those it wrote to {@code stored}, returns the others. */
    private List<StockObservation> apply(String sql, List<StockObservation> observations, Instant now, Set<SkuSite> stored) {
        if (observations.isEmpty()) {
            return List.of();
        }
        SqlParameterSource[] batch = observations.stream().map(o -> new MapSqlParameterSource()
                .addValue("code", o.itemCode()).addValue("site", o.site()).addValue("available", o.available())
                .addValue("onHand", o.onHand()).addValue("allocated", o.allocated())
                .addValue("at", Timestamps.utc(o.observedAt())).addValue("seq", o.seq()).addValue("source", o.source())
                .addValue("now", Timestamps.utc(now))).toArray(SqlParameterSource[]::new);
        int[] counts = jdbc.batchUpdate(sql, batch);
        List<StockObservation> others = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            StockObservation o = observations.get(i);
            if (counts[i] > 0) {
                stored.add(new SkuSite(o.itemCode(), o.site()));
            } else {
                others.add(o);
            }
        }
        return others;
    }

    /** The levels that changed, as the channels' queues take them: key SKU|site, due now. */
    public List<Message> dueNow(Collection<SkuSite> keys) {
        Instant now = Instant.now();
        Map<SkuSite, Instant> due = new TreeMap<>();
        keys.forEach(k -> due.put(k, now));
        return changes(due);
    }

    /** A change of each level, due at its time: a record of a channel's queue (key SKU|site), to write coalescing. */
    public List<Message> changes(Map<SkuSite, Instant> due) {
        List<Message> out = new ArrayList<>(due.size());
        due.forEach((key, at) -> {
            Message m = new DefaultMessage(camel);
            m.setHeader(Handoff.RECORD_KEY, key.key());
            m.setHeader(Handoff.RECORD_TYPE, CHANGE_TYPE);
            m.setHeader(Handoff.DUE_AT, at);
            m.setBody("{\"itemCode\":\"" + json(key.itemCode()) + "\",\"site\":\"" + json(key.site()) + "\"}");
            out.add(m);
        });
        return out;
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    // ---- reading

    public List<StockLevel> all() {
        return jdbc.query("select * from stock_level order by item_code, site", Map.of(), ROW);
    }

    public List<StockLevel> find(String itemCode, String site) {
        return jdbc.query("select * from stock_level where (:code = '' or item_code = :code) and (:site = '' or site = :site)"
                + " order by item_code, site limit 1000", Map.of("code", itemCode == null ? "" : itemCode,
                "site", site == null ? "" : site), ROW);
    }

    /** The levels held for these SKU and site keys (one query per 500 item codes). */
    public Map<SkuSite, StockLevel> of(Collection<SkuSite> keys) {
        Map<SkuSite, StockLevel> out = new HashMap<>();
        List<String> codes = keys.stream().map(SkuSite::itemCode).distinct().toList();
        for (int i = 0; i < codes.size(); i += IN_LIST) {
            jdbc.query("select * from stock_level where item_code in (:codes)", Map.of("codes",
                    codes.subList(i, Math.min(codes.size(), i + IN_LIST))), rs -> {
                        StockLevel level = ROW.mapRow(rs, 0);
                        if (keys.contains(level.key())) {
                            out.put(level.key(), level);
                        }
                    });
        }
        return out;
    }

    // ---- what Blue Cherry was told

    /**
     * Records the on hand quantity Blue Cherry accepted for each SKU and site; {@code readBefore} is a time before the
     * levels were read for the overlay (a movement in Blue Cherry after it still needs the next overlay).
     */
    public void markSentToBlueCherry(Map<SkuSite, Integer> sent, Instant readBefore) {
        if (sent.isEmpty()) {
            return;
        }
        List<SqlParameterSource> batch = new ArrayList<>();
        // in SKU and site order, the order observations lock levels in
        new TreeMap<>(sent).forEach((key, qty) -> batch.add(new MapSqlParameterSource().addValue("code", key.itemCode())
                .addValue("site", key.site()).addValue("qty", qty).addValue("now", Timestamps.now())
                .addValue("read", Timestamps.utc(readBefore))));
        // a movement in Blue Cherry is settled only by an overlay whose levels were read after it
        jdbc.batchUpdate("update stock_level set bc_sent_on_hand = :qty, bc_sent_at = :now, bc_refused = null,"
                + " bc_moved_at = case when bc_moved_at < :read then null else bc_moved_at end"
                + " where item_code = :code and site = :site", batch.toArray(SqlParameterSource[]::new));
    }

    /** Remembers the row Blue Cherry refused, so it is not sent again until something in it changes. */
    public void markRefusedByBlueCherry(SkuSite key, String signature) {
        jdbc.update("update stock_level set bc_refused = :sig where item_code = :code and site = :site",
                Map.of("sig", signature, "code", key.itemCode(), "site", key.site()));
    }

    // ---- levels to read again (IncrementalChanges)

    /** On hand moved at the given time (Peoplevox time): read the level again unless a newer observation brings it. */
    public void requestRefreshes(Map<SkuSite, Instant> refreshes) {
        if (refreshes.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        List<SqlParameterSource> batch = new ArrayList<>();
        new TreeMap<>(refreshes).forEach((key, since) -> batch.add(new MapSqlParameterSource()
                .addValue("code", key.itemCode()).addValue("site", key.site()).addValue("since", Timestamps.utc(since))
                .addValue("now", Timestamps.utc(now))));
        SqlParameterSource[] rows = batch.toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("insert into stock_refresh (item_code, site, needed_since, requested_at) values (:code, :site,"
                + " :since, :now) on conflict do nothing", rows);
        jdbc.batchUpdate("update stock_refresh set needed_since = :since where item_code = :code and site = :site"
                + " and needed_since < :since", rows);
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

    public static Integer intOrNull(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static final RowMapper<StockLevel> ROW = (rs, i) -> new StockLevel(rs.getString("item_code"),
            rs.getString("site"), rs.getInt("available"), intOrNull(rs, "on_hand"), intOrNull(rs, "allocated"),
            Timestamps.read(rs, "observed_at"), rs.getLong("observed_seq"), rs.getString("source"),
            Timestamps.read(rs, "updated_at"), intOrNull(rs, "bc_sent_on_hand"), Timestamps.read(rs, "bc_sent_at"),
            rs.getString("bc_refused"));
}
