package io.cherrypick.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The stock reconciliations (table {@code stock_reconciliation}: one row per run) and the variances of the latest one
 * (table {@code stock_variance}: per SKU and site, Peoplevox against what Blue Cherry and each channel were told; what
 * finance reads).
 */
@Component
public class StockReconciliations {
    private static final TypeReference<List<ChannelVariance>> CHANNELS = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    public StockReconciliations(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    /** The outcome of one reconciliation. */
    public record Summary(long id, String kind, Instant startedAt, Instant finishedAt, String status, int reportRows,
                          int corrected, int channelPushes, int bcVariances, int channelVariances, int unknownSkus,
                          String error) {
    }

    /** One channel's side of a variance row: what it should show, what it was told, and the difference. */
    public record ChannelVariance(String channel, int expected, Integer told, Instant toldAt, Integer variance) {
    }

    /** One SKU and site of a reconciliation: Peoplevox against what Blue Cherry and each channel were told. */
    public record VarianceRow(String itemCode, String site, String bcLocation, Integer pvxOnHand, Integer pvxAllocated,
                              Integer pvxAvailable, Integer blueCherryTold, Instant blueCherryToldAt,
                              Integer blueCherryVariance, List<ChannelVariance> channels, int channelVariance,
                              boolean hasVariance, boolean corrected, long reconciliationId, Instant reconciledAt) {
    }

    /** A run of {@code kind} started at {@code started}, RUNNING; its id. */
    public long start(String kind, Instant started) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("insert into stock_reconciliation (kind, started_at, status) values (:kind, :at, 'RUNNING')",
                new MapSqlParameterSource().addValue("kind", kind).addValue("at", Timestamps.utc(started)), keys,
                new String[] {"id"});
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    /** The latest run's rows replace the previous ones at once: finance never reads half a report. */
    public void replaceVariances(List<VarianceRow> rows) {
        SqlParameterSource[] params = rows.stream().map(this::params).toArray(SqlParameterSource[]::new);
        tx.executeWithoutResult(status -> {
            jdbc.update("delete from stock_variance", Map.of());
            if (params.length > 0) {
                jdbc.batchUpdate("insert into stock_variance (item_code, site, reconciliation_id, bc_location, pvx_on_hand,"
                        + " pvx_allocated, pvx_available, bc_told_on_hand, bc_told_at, bc_variance, channels,"
                        + " channel_variance, has_variance, corrected, reconciled_at) values (:code, :site, :run, :location,"
                        + " :onHand, :allocated, :available, :bcTold, :bcToldAt, :bcVariance, :channels, :channelVariance,"
                        + " :hasVariance, :corrected, :at)", params);
            }
        });
    }

    /** Records a finished run's outcome. */
    public void finish(Summary summary) {
        jdbc.update("update stock_reconciliation set status = :status, finished_at = :finished, report_rows = :rows,"
                + " corrected = :corrected, channel_pushes = :pushes, bc_variances = :bc, channel_variances = :ch,"
                + " unknown_skus = :unknown where id = :id", new MapSqlParameterSource().addValue("id", summary.id())
                .addValue("status", summary.status()).addValue("finished", Timestamps.utc(summary.finishedAt()))
                .addValue("rows", summary.reportRows()).addValue("corrected", summary.corrected())
                .addValue("pushes", summary.channelPushes()).addValue("bc", summary.bcVariances())
                .addValue("ch", summary.channelVariances()).addValue("unknown", summary.unknownSkus()));
    }

    /** Records that run {@code id} failed, and why. */
    public void failed(long id, String error) {
        jdbc.update("update stock_reconciliation set status = 'FAILED', finished_at = :now, error = :error where id = :id",
                new MapSqlParameterSource().addValue("now", Timestamps.now()).addValue("id", id)
                        .addValue("error", Columns.fit(error, 4000)));
    }

    public Optional<Summary> lastRun() {
        return jdbc.query("select * from stock_reconciliation order by id desc limit 1", Map.of(), SUMMARY).stream()
                .findFirst();
    }

    /** The latest run before run {@code id} that completed (its report is the yardstick of the next one's). */
    public Optional<Summary> lastCompletedBefore(long id) {
        return jdbc.query("select * from stock_reconciliation where id < :id and status = 'DONE' order by id desc limit 1",
                Map.of("id", id), SUMMARY).stream().findFirst();
    }

    private static final RowMapper<Summary> SUMMARY = (rs, i) -> new Summary(rs.getLong("id"), rs.getString("kind"),
            Timestamps.read(rs, "started_at"), Timestamps.read(rs, "finished_at"), rs.getString("status"),
            rs.getInt("report_rows"), rs.getInt("corrected"), rs.getInt("channel_pushes"), rs.getInt("bc_variances"),
            rs.getInt("channel_variances"), rs.getInt("unknown_skus"), rs.getString("error"));

    /** The latest run's rows, by SKU and site; {@code site}, {@code sku} empty or null: all. */
    public List<VarianceRow> variances(String site, String sku, boolean onlyVariances, int limit) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("site", site == null ? "" : site)
                .addValue("sku", sku == null ? "" : sku).addValue("only", onlyVariances).addValue("limit", limit);
        return jdbc.query("select * from stock_variance where (:site = '' or site = :site)"
                + " and (:sku = '' or item_code = :sku) and (has_variance = true or :only = false)"
                + " order by item_code, site limit :limit", p, (rs, i) -> new VarianceRow(rs.getString("item_code"),
                rs.getString("site"), rs.getString("bc_location"), StockLevels.intOrNull(rs, "pvx_on_hand"),
                StockLevels.intOrNull(rs, "pvx_allocated"), StockLevels.intOrNull(rs, "pvx_available"),
                StockLevels.intOrNull(rs, "bc_told_on_hand"), Timestamps.read(rs, "bc_told_at"),
                StockLevels.intOrNull(rs, "bc_variance"), channels(rs.getString("channels")), rs.getInt("channel_variance"),
                rs.getBoolean("has_variance"), rs.getBoolean("corrected"), rs.getLong("reconciliation_id"),
                Timestamps.read(rs, "reconciled_at")));
    }

    private SqlParameterSource params(VarianceRow row) {
        return new MapSqlParameterSource().addValue("code", row.itemCode()).addValue("site", row.site())
                .addValue("run", row.reconciliationId()).addValue("location", row.bcLocation())
                .addValue("onHand", row.pvxOnHand()).addValue("allocated", row.pvxAllocated())
                .addValue("available", row.pvxAvailable()).addValue("bcTold", row.blueCherryTold())
                .addValue("bcToldAt", Timestamps.utc(row.blueCherryToldAt())).addValue("bcVariance", row.blueCherryVariance())
                .addValue("channels", toJson(row.channels())).addValue("channelVariance", row.channelVariance())
                .addValue("hasVariance", row.hasVariance()).addValue("corrected", row.corrected())
                .addValue("at", Timestamps.utc(row.reconciledAt()));
    }

    private String toJson(List<ChannelVariance> list) {
        try {
            return json.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the channel variances as JSON: " + e.getMessage(), e);
        }
    }

    private List<ChannelVariance> channels(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, CHANNELS);
        } catch (JsonProcessingException unreadable) {
            return List.of();
        }
    }
}
