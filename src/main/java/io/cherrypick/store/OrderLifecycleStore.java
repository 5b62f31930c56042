package io.cherrypick.store;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The order lifecycle table: one row per pick ticket, a timestamp per step. */
@Repository
public class OrderLifecycleStore {
    /**
     * A pick the warehouse moved on already (its status events came before the save's answer was recorded, e.g. after
     * a claim was taken over), or cancelled, keeps that state: the acknowledgement never moves a pick back.
     */
    private static final String MOVED_ON = "state in (" + java.util.Arrays.stream(LifecycleState.values())
            .filter(s -> s.movedInWarehouse() || s == LifecycleState.CANCELLED).map(s -> "'" + s.name() + "'")
            .collect(java.util.stream.Collectors.joining(", ")) + ")";

    private final NamedParameterJdbcTemplate jdbc;

    public OrderLifecycleStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that a revision of a pick arrived from Blue Cherry. A new pick starts queued (as {@link #queued} leaves it);
     * returns whether the pick was new.
     */
    public boolean received(String pickNum, String ordNum, String poNum, String customer, String bcLocation, String revision) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("pick", pickNum).addValue("ord", ordNum)
                .addValue("po", poNum).addValue("customer", customer).addValue("loc", bcLocation)
                .addValue("rev", revision).addValue("now", Timestamps.now());
        // a new pick (the usual case) is one statement; a known pick's row is updated
        int inserted = jdbc.update("insert into order_lifecycle (pick_num, ord_num, po_num, customer, bc_location,"
                + " revision_received, state, exception_open, received_at, updated_at) select :pick, :ord, :po, :customer,"
                + " :loc, :rev, 'QUEUED_IN_CHERRYPICK', false, :now, :now where not exists (select 1 from order_lifecycle"
                + " where pick_num = :pick)", p);
        if (inserted == 0) {
            jdbc.update("update order_lifecycle set ord_num = :ord, po_num = :po, customer = :customer,"
                    + " bc_location = :loc, revision_received = :rev, updated_at = :now where pick_num = :pick", p);
        }
        return inserted > 0;
    }

    /** The pick's newest revision waits in Cherrypick to be sent: queued, no note, no open exception (one statement). */
    public void queued(String pickNum) {
        jdbc.update("update order_lifecycle set state = 'QUEUED_IN_CHERRYPICK', note = null, exception_open = false,"
                + " updated_at = :now where pick_num = :pick", Map.of("now", Timestamps.now(), "pick", pickNum));
    }

    /** Moves a pick to a state, stamping that state's time column; a note says why (shown to customer service). */
    public void moveTo(String pickNum, LifecycleState state, String note) {
        String column = timeColumn(state);
        jdbc.update("update order_lifecycle set state = :state, note = :note, updated_at = :now"
                        + (column == null ? "" : ", " + column + " = :now") + " where pick_num = :pick",
                new MapSqlParameterSource().addValue("state", state.name()).addValue("note", Columns.fit(note, 1000))
                        .addValue("now", Timestamps.now()).addValue("pick", pickNum));
    }

    /**
     * Moves a pick to a state only while it is in one of {@code from}, so a late or repeated signal cannot move it
     * back. With {@code warehouseAt} (the time Peoplevox gives for a status) the move also needs that time to be no
     * earlier than the last status applied (in the same second: the forward-only {@code from} decides then), and records it.
     * Returns true when the pick moved.
     */
    public boolean moveIfIn(String pickNum, LifecycleState state, String note, Collection<LifecycleState> from,
                            Instant warehouseAt) {
        if (from.isEmpty()) {
            return false;
        }
        String column = timeColumn(state);
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("state", state.name()).addValue("note", Columns.fit(note, 1000))
                .addValue("now", Timestamps.now()).addValue("pick", pickNum)
                .addValue("from", from.stream().map(Enum::name).toList()).addValue("at", Timestamps.utc(warehouseAt));
        return jdbc.update("update order_lifecycle set state = :state, note = :note, updated_at = :now"
                + (column == null ? "" : ", " + column + " = :now")
                + (warehouseAt == null ? "" : ", pvx_status_at = :at")
                + " where pick_num = :pick and state in (:from)"
                + (warehouseAt == null ? "" : " and (pvx_status_at is null or pvx_status_at <= :at)"), p) == 1;
    }

    public void held(String pickNum, String reason) {
        moveTo(pickNum, LifecycleState.HELD_IN_BLUE_CHERRY, reason);
        flagException(pickNum, true);
    }

    /** Sent and acknowledged by Peoplevox for the given revision (one batched statement). */
    public void acknowledged(Collection<String> pickNums, Map<String, String> siteByPick, Map<String, String> revisionByPick) {
        java.time.OffsetDateTime now = Timestamps.now();
        MapSqlParameterSource[] batch = pickNums.stream().map(pick -> new MapSqlParameterSource()
                .addValue("site", siteByPick.get(pick)).addValue("rev", revisionByPick.get(pick))
                .addValue("now", now).addValue("pick", pick)).toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("update order_lifecycle set state = case when " + MOVED_ON + " then state else 'ACKNOWLEDGED' end,"
                + " exception_open = false, note = case when " + MOVED_ON + " then note else null end,"
                + " pvx_site = :site, revision_sent = :rev, released_at = coalesce(released_at, :now),"
                + " acknowledged_at = :now, updated_at = :now where pick_num = :pick", batch);
    }

    /** A change to an order already in Peoplevox was applied. */
    public void amended(String pickNum, String revision, String note) {
        jdbc.update("update order_lifecycle set revision_sent = :rev, exception_open = false, note = :note, updated_at = :now"
                + " where pick_num = :pick", new MapSqlParameterSource().addValue("rev", revision).addValue("note", Columns.fit(note, 1000))
                .addValue("now", Timestamps.now()).addValue("pick", pickNum));
    }

    /** Replaces the note customer service sees, without changing the state. */
    public void note(String pickNum, String note) {
        jdbc.update("update order_lifecycle set note = :note, updated_at = :now where pick_num = :pick",
                new MapSqlParameterSource().addValue("note", Columns.fit(note, 1000)).addValue("now", Timestamps.now()).addValue("pick", pickNum));
    }

    public void flagException(String pickNum, boolean open) {
        jdbc.update("update order_lifecycle set exception_open = :open, updated_at = :now where pick_num = :pick",
                Map.of("open", open, "now", Timestamps.now(), "pick", pickNum));
    }

    /** Looks a pick up by pick number, or every pick of a sales order by order number. */
    public List<OrderLifecycle> find(String pickOrOrderNumber) {
        return jdbc.query("select * from order_lifecycle where pick_num = :n or ord_num = :n order by pick_num",
                Map.of("n", pickOrOrderNumber), ROW);
    }

    public Optional<OrderLifecycle> findPick(String pickNum) {
        return jdbc.query("select * from order_lifecycle where pick_num = :n", Map.of("n", pickNum), ROW).stream().findFirst();
    }

    public List<OrderLifecycle> list(LifecycleState state, Boolean exceptionOpen, int limit) {
        StringBuilder sql = new StringBuilder("select * from order_lifecycle where 1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("limit", limit);
        if (state != null) {
            sql.append(" and state = :state");
            p.addValue("state", state.name());
        }
        if (exceptionOpen != null) {
            sql.append(" and exception_open = :open");
            p.addValue("open", exceptionOpen);
        }
        sql.append(" order by updated_at desc limit :limit");
        return jdbc.query(sql.toString(), p, ROW);
    }

    public Map<LifecycleState, Integer> countByState() {
        Map<LifecycleState, Integer> counts = new EnumMap<>(LifecycleState.class);
        for (LifecycleState s : LifecycleState.values()) {
            counts.put(s, 0);
        }
        jdbc.query("select state, count(*) as n from order_lifecycle group by state", Map.of(),
                rs -> {
                    counts.put(LifecycleState.valueOf(rs.getString("state")), rs.getInt("n"));
                });
        return counts;
    }

    /**
     * Picks that have been in {@code state} since before {@code before} (by that state's time column, or the last update
     * for a state without one), the longest-waiting first.
     */
    public List<OrderLifecycle> inStateSince(LifecycleState state, Instant before, int limit) {
        String since = sinceColumn(state);
        return jdbc.query("select * from order_lifecycle where state = :state and " + since + " < :before order by " + since
                + " limit :limit", new MapSqlParameterSource().addValue("state", state.name())
                .addValue("before", Timestamps.utc(before)).addValue("limit", limit), ROW);
    }

    /** How many picks {@link #inStateSince} would find without a limit. */
    public int countInStateSince(LifecycleState state, Instant before) {
        Integer n = jdbc.queryForObject("select count(*) from order_lifecycle where state = :state and " + sinceColumn(state)
                + " < :before", new MapSqlParameterSource().addValue("state", state.name())
                .addValue("before", Timestamps.utc(before)), Integer.class);
        return n == null ? 0 : n;
    }

    private static String sinceColumn(LifecycleState state) {
        String column = timeColumn(state);
        return column == null ? "updated_at" : "coalesce(" + column + ", updated_at)";
    }

    private static String timeColumn(LifecycleState state) {
        return switch (state) {
            case QUEUED_IN_CHERRYPICK -> null;
            case HELD_IN_BLUE_CHERRY -> "held_at";
            case RELEASED_TO_PEOPLEVOX -> "released_at";
            case ACKNOWLEDGED -> "acknowledged_at";
            case ALLOCATED -> "allocated_at";
            case PICKING -> "picking_at";
            case DESPATCHED -> "despatched_at";
            case CONFIRMED_IN_BLUE_CHERRY -> "confirmed_at";
            case CANCELLED -> "cancelled_at";
            case SKIPPED -> null;
        };
    }


    private static final RowMapper<OrderLifecycle> ROW = (rs, i) -> new OrderLifecycle(rs.getString("pick_num"),
            rs.getString("ord_num"), rs.getString("po_num"), rs.getString("customer"), rs.getString("bc_location"),
            rs.getString("pvx_site"), rs.getString("revision_received"), rs.getString("revision_sent"),
            LifecycleState.valueOf(rs.getString("state")), rs.getBoolean("exception_open"), rs.getString("note"),
            Timestamps.read(rs, "received_at"), Timestamps.read(rs, "held_at"), Timestamps.read(rs, "released_at"),
            Timestamps.read(rs, "acknowledged_at"), Timestamps.read(rs, "allocated_at"), Timestamps.read(rs, "picking_at"),
            Timestamps.read(rs, "despatched_at"), Timestamps.read(rs, "confirmed_at"), Timestamps.read(rs, "cancelled_at"),
            Timestamps.read(rs, "updated_at"));
}
