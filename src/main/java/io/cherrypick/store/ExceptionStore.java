package io.cherrypick.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.cherrypick.failure.Category;
import io.cherrypick.failure.Owner;

/**
 * The one store of dead letters and business exceptions. A record that fails again for the same reason while its
 * exception is still open updates that exception (attempts, last seen, message) instead of adding a new one.
 */
@Repository
public class ExceptionStore {
    private final NamedParameterJdbcTemplate jdbc;

    public ExceptionStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long record(NewException e) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("flow", e.flow()).addValue("route", e.routeId()).addValue("key", e.businessKey())
                .addValue("category", e.category().name()).addValue("owner", e.owner().name())
                .addValue("message", Columns.fit(e.message(), 4000)).addValue("payload", e.payload())
                .addValue("headers", e.headers()).addValue("handoff", e.handoffId()).addValue("now", Timestamps.now());
        List<Long> open = jdbc.queryForList("select id from integration_exception where flow = :flow and business_key = :key"
                + " and category = :category and status = 'OPEN' order by id", p, Long.class);
        if (!open.isEmpty()) {
            long id = open.get(0);
            jdbc.update("update integration_exception set attempts = attempts + 1, last_seen = :now, message = :message,"
                    + " payload = coalesce(:payload, payload), handoff_id = coalesce(:handoff, handoff_id), route_id = :route"
                    + " where id = :id", p.addValue("id", id));
            return id;
        }
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update("insert into integration_exception (flow, route_id, business_key, category, owner, message, payload,"
                + " headers, handoff_id, attempts, first_seen, last_seen, status) values (:flow, :route, :key, :category,"
                + " :owner, :message, :payload, :headers, :handoff, 1, :now, :now, 'OPEN')", p, keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    public Optional<ExceptionRecord> find(long id) {
        return jdbc.query("select * from integration_exception where id = :id", Map.of("id", id), ROW).stream().findFirst();
    }

    /** Filters are optional (null = any). Newest first. */
    public List<ExceptionRecord> list(String status, String category, String flow, String businessKey, int limit) {
        StringBuilder sql = new StringBuilder("select * from integration_exception where 1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("limit", limit);
        addFilter(sql, p, "status", status);
        addFilter(sql, p, "category", category);
        addFilter(sql, p, "flow", flow);
        addFilter(sql, p, "business_key", businessKey);
        sql.append(" order by last_seen desc, id desc limit :limit");
        return jdbc.query(sql.toString(), p, ROW);
    }

    public List<ExceptionRecord> openFor(String flow, String businessKey) {
        return list(ExceptionRecord.OPEN, null, flow, businessKey, 100);
    }

    /**
     * Moves an exception from OPEN (or REPLAYED) to a new status with who and why (any name and reason: fitted to the
     * columns). Returns false if it was not actionable.
     */
    public boolean action(long id, String newStatus, String actor, String reason) {
        return jdbc.update("update integration_exception set status = :status, actioned_by = :actor, action_reason = :reason,"
                + " actioned_at = :now where id = :id and status in ('OPEN', 'REPLAYED')",
                new MapSqlParameterSource().addValue("status", newStatus).addValue("actor", AuditLog.actor(actor))
                        .addValue("reason", Columns.fit(reason, 1000)).addValue("now", Timestamps.now()).addValue("id", id)) == 1;
    }

    /** Closes every open exception of a record, e.g. when it later went through. */
    public int resolveOpen(String flow, String businessKey, String reason) {
        return resolveOpen(flow, List.of(businessKey), reason);
    }

    /** Closes every open exception of these records, in one statement. */
    public int resolveOpen(String flow, java.util.Collection<String> businessKeys, String reason) {
        if (businessKeys.isEmpty()) {
            return 0;
        }
        return jdbc.update("update integration_exception set status = 'RESOLVED', actioned_by = 'cherrypick',"
                + " action_reason = :reason, actioned_at = :now where flow = :flow and business_key in (:keys)"
                + " and status in ('OPEN', 'REPLAYED')",
                new MapSqlParameterSource().addValue("reason", reason).addValue("now", Timestamps.now())
                        .addValue("flow", flow).addValue("keys", businessKeys));
    }

    /**
     * Closes the open exceptions of these records that were not seen since {@code since}: an exception raised (or raised
     * again) after it stays open. For a step that learns a record went through while the same run may have found a
     * problem under the same key (e.g. an item synced from one style whose barcode another style of the run claimed).
     */
    public int resolveOpenNotSeenSince(String flow, java.util.Collection<String> businessKeys, java.time.Instant since,
                                       String reason) {
        if (businessKeys.isEmpty()) {
            return 0;
        }
        return jdbc.update("update integration_exception set status = 'RESOLVED', actioned_by = 'cherrypick',"
                + " action_reason = :reason, actioned_at = :now where flow = :flow and business_key in (:keys)"
                + " and status in ('OPEN', 'REPLAYED') and last_seen < :since",
                new MapSqlParameterSource().addValue("reason", reason).addValue("now", Timestamps.now())
                        .addValue("flow", flow).addValue("keys", businessKeys).addValue("since", Timestamps.utc(since)));
    }

    /** Closes the open exceptions raised for these hand-off records (e.g. a record revision superseded by a newer one). */
    public int resolveOpenOfRecords(java.util.Collection<Long> handoffIds, String reason) {
        if (handoffIds.isEmpty()) {
            return 0;
        }
        return jdbc.update("update integration_exception set status = 'RESOLVED', actioned_by = 'cherrypick',"
                + " action_reason = :reason, actioned_at = :now where handoff_id in (:ids) and status in ('OPEN', 'REPLAYED')",
                new MapSqlParameterSource().addValue("reason", reason).addValue("now", Timestamps.now())
                        .addValue("ids", handoffIds));
    }

    /** Open exceptions first seen at or after {@code since}, oldest first. */
    public List<ExceptionRecord> openSince(java.time.Instant since, int limit) {
        return jdbc.query("select * from integration_exception where status = 'OPEN' and first_seen >= :since order by id"
                + " limit :limit", Map.of("since", Timestamps.utc(since), "limit", limit), ROW);
    }

    public Map<String, Integer> openByCategory() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        jdbc.query("select category, count(*) as n from integration_exception where status = 'OPEN' group by category",
                Map.of(), rs -> {
                    counts.put(rs.getString("category"), rs.getInt("n"));
                });
        return counts;
    }

    private static void addFilter(StringBuilder sql, MapSqlParameterSource p, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" and ").append(column).append(" = :").append(column);
            p.addValue(column, value);
        }
    }

    private static final RowMapper<ExceptionRecord> ROW = (rs, i) -> {
        long handoff = rs.getLong("handoff_id");
        Long handoffId = rs.wasNull() ? null : handoff;
        return new ExceptionRecord(rs.getLong("id"), rs.getString("flow"), rs.getString("route_id"),
                rs.getString("business_key"), Category.valueOf(rs.getString("category")), Owner.valueOf(rs.getString("owner")),
                rs.getString("message"), rs.getString("payload"), rs.getString("headers"), handoffId, rs.getInt("attempts"),
                Timestamps.read(rs, "first_seen"), Timestamps.read(rs, "last_seen"), rs.getString("status"),
                rs.getString("actioned_by"), rs.getString("action_reason"), Timestamps.read(rs, "actioned_at"));
    };
}
