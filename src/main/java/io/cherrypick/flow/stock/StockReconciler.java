package io.cherrypick.flow.stock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.failure.Category;
import io.cherrypick.flow.stock.ChannelQueue.Told;
import io.cherrypick.flow.stock.ChannelRules.Rules;
import io.cherrypick.flow.stock.InventoryReport.Read;
import io.cherrypick.flow.stock.InventoryReport.Row;
import io.cherrypick.flow.stock.StockFlow.StockChannels;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.NewException;
import io.cherrypick.store.Timestamps;
import io.cherrypick.store.ValueMappingStore;

/**
 * Compares Peoplevox's {@code Item inventory summary} (every SKU and site) with what Cherrypick holds and told:
 * <ol>
 * <li>records, per SKU and site, the variance between Peoplevox and what Blue Cherry (on hand) and each channel
 * (available to sell) were last told, before anything is corrected (table {@code stock_variance}, for finance);</li>
 * <li>corrects what events missed: a level that differs from the stored one becomes an observation (stamped at the
 * read, so a newer event still wins) and is pushed to the channels; a channel told something else than it should show
 * is pushed again; a stored level Peoplevox no longer lists becomes zero. Blue Cherry gets the corrected on hand with
 * its next batch;</li>
 * <li>SKUs Cherrypick does not know become {@code SKU_MISMATCH} exceptions.</li>
 * </ol>
 */
@Component("stockReconciler")
public class StockReconciler {
    public static final String SCHEDULED = "SCHEDULED";
    public static final String MANUAL = "MANUAL";
    private static final Logger log = LoggerFactory.getLogger(StockReconciler.class);
    private static final int TX_CHUNK = 200;

    private final InventoryReport report;
    private final StockLevels levels;
    private final ChannelQueue queue;
    private final ChannelRules channelRules;
    private final StockChannels channels;
    private final BlueCherrySkus skus;
    private final ValueMappingStore mappings;
    private final ExceptionStore exceptions;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    public StockReconciler(InventoryReport report, StockLevels levels, ChannelQueue queue, ChannelRules channelRules,
                           StockChannels channels, BlueCherrySkus skus, ValueMappingStore mappings,
                           ExceptionStore exceptions, NamedParameterJdbcTemplate jdbc, TransactionTemplate tx,
                           ObjectMapper json) {
        this.report = report;
        this.levels = levels;
        this.queue = queue;
        this.channelRules = channelRules;
        this.channels = channels;
        this.skus = skus;
        this.mappings = mappings;
        this.exceptions = exceptions;
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

    public Summary reconcile(String kind) {
        Instant started = Instant.now();
        long id = newRun(kind, started);
        try {
            Summary summary = run(id, kind, started);
            log.info("stock reconciliation {}: {} report row(s), {} level(s) corrected, {} channel push(es), {} Blue Cherry"
                    + " and {} channel variance(s), {} unknown SKU(s)", id, summary.reportRows(), summary.corrected(),
                    summary.channelPushes(), summary.bcVariances(), summary.channelVariances(), summary.unknownSkus());
            return summary;
        } catch (RuntimeException e) {
            jdbc.update("update stock_reconciliation set status = 'FAILED', finished_at = :now, error = :error where id = :id",
                    new MapSqlParameterSource().addValue("now", Timestamps.now()).addValue("id", id)
                            .addValue("error", abbreviate(e.getMessage())));
            throw e;
        }
    }

    private Summary run(long id, String kind, Instant started) {
        Read read = report.readAll();
        Map<SkuSite, Row> pvx = new LinkedHashMap<>();
        read.rows().forEach(r -> pvx.put(r.key(), r));
        Set<String> codes = new LinkedHashSet<>();
        pvx.keySet().forEach(k -> codes.add(k.itemCode()));
        Set<String> unknown = skus.unknown(codes);
        for (String code : unknown) {
            exceptions.record(NewException.of(StockFlow.FLOW, StockFlow.RECONCILE_ROUTE, code, Category.SKU_MISMATCH,
                    "Peoplevox's " + "Item inventory summary lists item " + code + ", but neither Blue Cherry's styles nor"
                            + " Cherrypick's item list know ItemCode " + code + "; its stock goes nowhere", null, null));
        }
        resolveKnown(codes, unknown);

        Map<SkuSite, StockLevel> stored = new LinkedHashMap<>();
        levels.all().forEach(l -> stored.put(l.key(), l));
        Map<SkuSite, List<Told>> told = queue.toldByKey();
        Rules rules = channelRules.current();
        SiteLocations locations = new SiteLocations(mappings.all(ValueMappingStore.SITE));
        List<String> channelNames = channels.names();

        List<StockObservation> corrections = new ArrayList<>();
        List<SkuSite> channelOnly = new ArrayList<>();
        List<SqlParameterSource> variances = new ArrayList<>();
        int[] counts = new int[2]; // bc variances, channel variances
        for (Row row : pvx.values()) {
            if (unknown.contains(row.itemCode())) {
                continue;
            }
            StockLevel level = stored.get(row.key());
            boolean differs = level == null || level.available() != row.available()
                    || (row.onHand() != null && !row.onHand().equals(level.onHand()))
                    || (row.allocated() != null && !row.allocated().equals(level.allocated()));
            Variance v = variance(row.key(), row.available(), row.onHand(), row.allocated(), level, told.get(row.key()),
                    rules, locations, channelNames, counts);
            variances.add(v.params(id, differs, started));
            if (differs) {
                corrections.add(row.observation(read.observedAt(), StockObservation.RECONCILIATION));
            } else if (v.channelsBehind()) {
                channelOnly.add(row.key());
            }
        }
        if (!pvx.isEmpty()) {
            // what Peoplevox no longer lists holds nothing
            for (StockLevel level : stored.values()) {
                if (pvx.containsKey(level.key())) {
                    continue;
                }
                boolean differs = level.available() != 0 || (level.onHand() != null && level.onHand() != 0);
                Variance v = variance(level.key(), 0, 0, 0, level, told.get(level.key()), rules, locations, channelNames,
                        counts);
                variances.add(v.params(id, differs, started));
                if (differs) {
                    corrections.add(new StockObservation(level.itemCode(), level.site(), 0, 0, 0, read.observedAt(), 0,
                            StockObservation.RECONCILIATION));
                } else if (v.channelsBehind()) {
                    channelOnly.add(level.key());
                }
            }
        }
        corrections.sort(java.util.Comparator.comparing(o -> new SkuSite(o.itemCode(), o.site())));
        java.util.Collections.sort(channelOnly);
        int corrected = applyCorrections(corrections, channelNames);
        tx.executeWithoutResult(status -> channelOnly.forEach(k -> queue.markDue(k.itemCode(), k.site(), channelNames,
                Instant.now())));
        tx.executeWithoutResult(status -> {
            jdbc.update("delete from stock_variance", Map.of());
            if (!variances.isEmpty()) {
                jdbc.batchUpdate("insert into stock_variance (item_code, site, reconciliation_id, bc_location, pvx_on_hand,"
                        + " pvx_allocated, pvx_available, bc_told_on_hand, bc_told_at, bc_variance, channels,"
                        + " channel_variance, has_variance, corrected, reconciled_at) values (:code, :site, :run, :location,"
                        + " :onHand, :allocated, :available, :bcTold, :bcToldAt, :bcVariance, :channels, :channelVariance,"
                        + " :hasVariance, :corrected, :at)", variances.toArray(SqlParameterSource[]::new));
            }
        });
        Instant finished = Instant.now();
        Summary summary = new Summary(id, kind, started, finished, "DONE", read.rows().size(), corrected, channelOnly.size(),
                counts[0], counts[1], unknown.size(), null);
        jdbc.update("update stock_reconciliation set status = 'DONE', finished_at = :finished, report_rows = :rows,"
                + " corrected = :corrected, channel_pushes = :pushes, bc_variances = :bc, channel_variances = :ch,"
                + " unknown_skus = :unknown where id = :id", new MapSqlParameterSource().addValue("id", id)
                .addValue("finished", Timestamps.utc(finished)).addValue("rows", summary.reportRows())
                .addValue("corrected", corrected).addValue("pushes", summary.channelPushes()).addValue("bc", counts[0])
                .addValue("ch", counts[1]).addValue("unknown", unknown.size()));
        return summary;
    }

    /** Stores the corrections (a newer event still wins); returns how many were stored. */
    private int applyCorrections(List<StockObservation> corrections, List<String> channelNames) {
        int corrected = 0;
        for (int i = 0; i < corrections.size(); i += TX_CHUNK) {
            List<StockObservation> chunk = corrections.subList(i, Math.min(corrections.size(), i + TX_CHUNK));
            Integer stored = tx.execute(status -> {
                int n = 0;
                Instant now = Instant.now();
                for (StockObservation o : chunk) {
                    if (levels.observe(o, channelNames, now)) {
                        n++;
                    }
                }
                return n;
            });
            corrected += stored == null ? 0 : stored;
        }
        return corrected;
    }

    private record Variance(SkuSite key, String location, int available, Integer onHand, Integer allocated,
                            Integer bcTold, Instant bcToldAt, Integer bcVariance, List<ChannelVariance> channels,
                            int channelVariance, boolean hasVariance, String channelsJson) {
        boolean channelsBehind() {
            return channels.stream().anyMatch(c -> c.told() == null ? c.expected() != 0 : c.variance() != 0);
        }

        SqlParameterSource params(long run, boolean corrected, Instant at) {
            return new MapSqlParameterSource().addValue("code", key.itemCode()).addValue("site", key.site())
                    .addValue("run", run).addValue("location", location).addValue("onHand", onHand)
                    .addValue("allocated", allocated).addValue("available", available).addValue("bcTold", bcTold)
                    .addValue("bcToldAt", Timestamps.utc(bcToldAt)).addValue("bcVariance", bcVariance)
                    .addValue("channels", channelsJson).addValue("channelVariance", channelVariance)
                    .addValue("hasVariance", hasVariance).addValue("corrected", corrected).addValue("at", Timestamps.utc(at));
        }
    }

    /**
     * Peoplevox against what was told. Blue Cherry: on hand − last told (a mapped site never told counts as a variance
     * when Peoplevox holds something). Channels: available to sell − last told, per configured channel.
     */
    private Variance variance(SkuSite key, int available, Integer onHand, Integer allocated, StockLevel level,
                              List<Told> toldList, Rules rules, SiteLocations locations, List<String> channelNames,
                              int[] counts) {
        String location = locations.locationOf(key.site()).orElse(null);
        Integer bcTold = level == null ? null : level.bcSentOnHand();
        Instant bcToldAt = level == null ? null : level.bcSentAt();
        Integer bcVariance = onHand == null || bcTold == null ? null : onHand - bcTold;
        boolean bcOff = location != null && onHand != null && (bcTold == null ? onHand != 0 : bcVariance != 0);
        int expected = rules.availableToSell(key.itemCode(), key.site(), available);
        List<ChannelVariance> channelVariances = new ArrayList<>();
        int channelVariance = 0;
        boolean channelOff = false;
        for (String name : channelNames) {
            Told t = toldList == null ? null : toldList.stream().filter(x -> x.channel().equals(name)).findFirst().orElse(null);
            Integer toldAvailable = t == null ? null : t.available();
            Integer variance = toldAvailable == null ? null : expected - toldAvailable;
            channelVariances.add(new ChannelVariance(name, expected, toldAvailable, t == null ? null : t.at(), variance));
            channelVariance += variance == null ? 0 : Math.abs(variance);
            channelOff |= toldAvailable == null ? expected != 0 : variance != 0;
        }
        if (bcOff) {
            counts[0]++;
        }
        if (channelOff) {
            counts[1]++;
        }
        return new Variance(key, location, available, onHand, allocated, bcTold, bcToldAt, bcVariance, channelVariances,
                channelVariance, bcOff || channelOff, toJson(channelVariances));
    }

    /** Closes the SKU_MISMATCH exceptions of events and reconciliations for SKUs that are known now. */
    private void resolveKnown(Set<String> listed, Set<String> unknown) {
        Set<String> known = new LinkedHashSet<>();
        for (ExceptionRecord e : exceptions.list(ExceptionRecord.OPEN, Category.SKU_MISMATCH.name(), StockFlow.FLOW, null,
                10_000)) {
            boolean fromEvents = StockFlow.INBOX_ROUTE.equals(e.routeId()) || StockFlow.RECONCILE_ROUTE.equals(e.routeId());
            if (fromEvents && listed.contains(e.businessKey()) && !unknown.contains(e.businessKey())) {
                known.add(e.businessKey());
            }
        }
        exceptions.resolveOpen(StockFlow.FLOW, known, "the item is known now; the reconciliation took its level");
    }

    public java.util.Optional<Summary> lastRun() {
        return jdbc.query("select * from stock_reconciliation order by id desc limit 1", Map.of(), (rs, i) -> new Summary(
                rs.getLong("id"), rs.getString("kind"), Timestamps.read(rs, "started_at"), Timestamps.read(rs, "finished_at"),
                rs.getString("status"), rs.getInt("report_rows"), rs.getInt("corrected"), rs.getInt("channel_pushes"),
                rs.getInt("bc_variances"), rs.getInt("channel_variances"), rs.getInt("unknown_skus"),
                rs.getString("error"))).stream().findFirst();
    }

    private long newRun(String kind, Instant started) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("insert into stock_reconciliation (kind, started_at, status) values (:kind, :at, 'RUNNING')",
                new MapSqlParameterSource().addValue("kind", kind).addValue("at", Timestamps.utc(started)), keys,
                new String[] {"id"});
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    private String toJson(List<ChannelVariance> list) {
        try {
            return json.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            return list.toString();
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }
}
