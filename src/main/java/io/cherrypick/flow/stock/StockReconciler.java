package io.cherrypick.flow.stock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
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

import io.cherrypick.catalog.BlueCherrySkus;
import io.cherrypick.failure.Category;
import io.cherrypick.flow.stock.ChannelRules.Rules;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.peoplevox.Peoplevox;
import io.cherrypick.peoplevox.model.InventoryReport;
import io.cherrypick.peoplevox.model.InventoryReport.Row;
import io.cherrypick.store.ChannelTold;
import io.cherrypick.store.ChannelTold.Told;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.SiteLocations;
import io.cherrypick.store.SkuSite;
import io.cherrypick.store.StockLevel;
import io.cherrypick.store.StockLevels;
import io.cherrypick.store.StockObservation;
import io.cherrypick.store.Timestamps;
import io.cherrypick.store.ValueMappingStore;

/**
 * The steps of a reconciliation (bean {@code stockReconciler}, route stock-reconcile): Peoplevox's
 * {@code Item inventory summary} (every SKU and site) against what Cherrypick holds and told.
 * <ol>
 * <li>{@link #start}: a run (table {@code stock_reconciliation}, header {@code StockReconciliationKind} says why);</li>
 * <li>{@link #compare}: records, per SKU and site, the variance between Peoplevox and what Blue Cherry (on hand) and each
 * channel (available to sell) were last told, before anything is corrected (table {@code stock_variance}, for
 * finance); SKUs Cherrypick does not know become SKU_MISMATCH messages for the dead letters (property
 * {@code StockUnknown}), and those known now close their exceptions;</li>
 * <li>{@link #correct}: what events missed is corrected: a level that differs from the stored one becomes an
 * observation (stamped with the second the read started, so a newer event still wins); a level Peoplevox no longer
 * lists becomes zero; the levels stored, and those a channel shows wrongly, are returned for the channels' queues. Blue
 * Cherry gets the corrected on hand with its next batch;</li>
 * <li>{@link #finish} (or {@link #failed}): the run's summary.</li>
 * </ol>
 */
@Component("stockReconciler")
public class StockReconciler {
    public static final String SCHEDULED = "SCHEDULED";
    public static final String MANUAL = "MANUAL";
    public static final String KIND = "StockReconciliationKind";
    static final String RUN = "StockReconcilerRun";
    static final String UNKNOWN = "StockUnknown";
    private static final Logger log = LoggerFactory.getLogger(StockReconciler.class);

    private final StockLevels levels;
    private final ChannelTold told;
    private final ChannelRules channelRules;
    private final StockChannels channels;
    private final BlueCherrySkus skus;
    private final ValueMappingStore mappings;
    private final ExceptionStore exceptions;
    private final NamedParameterJdbcTemplate jdbc;
    private final StockProperties props;
    private final ObjectMapper json;
    private final CamelContext camel;
    private final TransactionTemplate tx;

    public StockReconciler(StockLevels levels, ChannelTold told, ChannelRules channelRules, StockChannels channels,
                           BlueCherrySkus skus, ValueMappingStore mappings, ExceptionStore exceptions,
                           NamedParameterJdbcTemplate jdbc, StockProperties props, ObjectMapper json, CamelContext camel,
                           TransactionTemplate tx) {
        this.levels = levels;
        this.told = told;
        this.channelRules = channelRules;
        this.channels = channels;
        this.skus = skus;
        this.mappings = mappings;
        this.exceptions = exceptions;
        this.jdbc = jdbc;
        this.props = props;
        this.json = json;
        this.camel = camel;
        this.tx = tx;
    }

    /** The outcome of one reconciliation. */
    public record Summary(long id, String kind, Instant startedAt, Instant finishedAt, String status, int reportRows,
                          int corrected, int channelPushes, int bcVariances, int channelVariances, int unknownSkus,
                          String error) {
    }

    /** One channel's side of a variance row: what it should show, what it was told, and the difference. */
    public record ChannelVariance(String channel, int expected, Integer told, Instant toldAt, Integer variance) {
    }

    /** A run in progress (exchange property). */
    static final class Run {
        final long id;
        final String kind;
        final Instant started;
        final List<StockObservation> corrections = new ArrayList<>();
        final List<SkuSite> channelsBehind = new ArrayList<>();
        int reportRows;
        int corrected;
        int bcVariances;
        int channelVariances;
        int unknownSkus;

        Run(long id, String kind, Instant started) {
            this.id = id;
            this.kind = kind;
            this.started = started;
        }
    }

    /** Starts a run of the kind in header {@code StockReconciliationKind} (default MANUAL). */
    public void start(Exchange exchange) {
        String kind = exchange.getIn().getHeader(KIND, MANUAL, String.class);
        Instant started = Instant.now();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("insert into stock_reconciliation (kind, started_at, status) values (:kind, :at, 'RUNNING')",
                new MapSqlParameterSource().addValue("kind", kind).addValue("at", Timestamps.utc(started)), keys,
                new String[] {"id"});
        exchange.setProperty(RUN, new Run(Objects.requireNonNull(keys.getKey()).longValue(), kind, started));
    }

    /** Compares the report (body: its rows) with what was told, and records the variances. */
    @SuppressWarnings("unchecked")
    public void compare(Exchange exchange) {
        Run run = exchange.getProperty(RUN, Run.class);
        Instant stamp = InventoryReport.stamp(run.started);
        List<Map<String, String>> report = exchange.getIn().getBody(List.class);
        List<Row> rows = InventoryReport.rows(report, props.defaultSite());
        run.reportRows = rows.size();
        Map<SkuSite, Row> pvx = new LinkedHashMap<>();
        rows.forEach(r -> pvx.put(r.key(), r));
        Set<String> codes = new LinkedHashSet<>();
        pvx.keySet().forEach(k -> codes.add(k.itemCode()));
        Set<String> unknown = skus.unknown(codes);
        run.unknownSkus = unknown.size();
        List<Message> unknownItems = new ArrayList<>();
        for (String code : unknown) {
            Message m = new DefaultMessage(camel);
            m.setHeader(Handoff.RECORD_KEY, code);
            m.setHeader(Handoff.CATEGORY, Category.SKU_MISMATCH.name());
            m.setHeader(Handoff.REASON, "Peoplevox's Item inventory summary lists item " + code + ", but neither Blue"
                    + " Cherry's styles nor Cherrypick's item list know ItemCode " + code + "; its stock goes nowhere");
            unknownItems.add(m);
        }
        exchange.setProperty(UNKNOWN, unknownItems);
        resolveKnown(codes, unknown);

        Map<SkuSite, StockLevel> stored = new LinkedHashMap<>();
        levels.all().forEach(l -> stored.put(l.key(), l));
        Map<SkuSite, List<Told>> toldByKey = told.toldByKey();
        Rules rules = channelRules.current();
        SiteLocations locations = new SiteLocations(mappings.all(ValueMappingStore.SITE));
        List<String> channelNames = channels.names();
        List<SqlParameterSource> variances = new ArrayList<>();
        for (Row row : pvx.values()) {
            if (unknown.contains(row.itemCode())) {
                continue;
            }
            StockLevel level = stored.get(row.key());
            boolean differs = level == null || level.available() != row.available()
                    || (row.onHand() != null && !row.onHand().equals(level.onHand()))
                    || (row.allocated() != null && !row.allocated().equals(level.allocated()));
            Variance v = variance(row.key(), row.available(), row.onHand(), row.allocated(), level, toldByKey.get(row.key()),
                    rules, locations, channelNames, run);
            variances.add(v.params(run.id, differs, run.started));
            if (differs) {
                run.corrections.add(row.observation(stamp, StockObservation.RECONCILIATION));
            } else if (v.channelsBehind()) {
                run.channelsBehind.add(row.key());
            }
        }
        if (!pvx.isEmpty()) {
            // what Peoplevox no longer lists holds nothing
            for (StockLevel level : stored.values()) {
                if (pvx.containsKey(level.key())) {
                    continue;
                }
                boolean differs = level.available() != 0 || (level.onHand() != null && level.onHand() != 0);
                Variance v = variance(level.key(), 0, 0, 0, level, toldByKey.get(level.key()), rules, locations,
                        channelNames, run);
                variances.add(v.params(run.id, differs, run.started));
                if (differs) {
                    run.corrections.add(new StockObservation(level.itemCode(), level.site(), 0, 0, 0, stamp, 0,
                            StockObservation.RECONCILIATION));
                } else if (v.channelsBehind()) {
                    run.channelsBehind.add(level.key());
                }
            }
        }
        // finance never reads half a report: the latest run's rows replace the previous ones at once
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
    }

    /**
     * Stores the corrections (a newer event still wins) and returns, for the channels' queues, the levels stored and
     * those a channel shows wrongly (run inside a transaction).
     */
    public List<Message> correct(Exchange exchange) {
        Run run = exchange.getProperty(RUN, Run.class);
        Set<SkuSite> stored = levels.observe(run.corrections);
        run.corrected = stored.size();
        Set<SkuSite> push = new TreeSet<>(stored);
        push.addAll(run.channelsBehind);
        return levels.dueNow(push);
    }

    /** The run's summary (the body). */
    public Summary finish(Exchange exchange) {
        Run run = exchange.getProperty(RUN, Run.class);
        Instant finished = Instant.now();
        Summary summary = new Summary(run.id, run.kind, run.started, finished, "DONE", run.reportRows, run.corrected,
                run.channelsBehind.size(), run.bcVariances, run.channelVariances, run.unknownSkus, null);
        jdbc.update("update stock_reconciliation set status = 'DONE', finished_at = :finished, report_rows = :rows,"
                + " corrected = :corrected, channel_pushes = :pushes, bc_variances = :bc, channel_variances = :ch,"
                + " unknown_skus = :unknown where id = :id", new MapSqlParameterSource().addValue("id", run.id)
                .addValue("finished", Timestamps.utc(finished)).addValue("rows", summary.reportRows())
                .addValue("corrected", summary.corrected()).addValue("pushes", summary.channelPushes())
                .addValue("bc", summary.bcVariances()).addValue("ch", summary.channelVariances())
                .addValue("unknown", summary.unknownSkus()));
        log.info("stock reconciliation {}: {} report row(s), {} level(s) corrected, {} channel push(es), {} Blue Cherry"
                + " and {} channel variance(s), {} unknown SKU(s)", run.id, summary.reportRows(), summary.corrected(),
                summary.channelPushes(), summary.bcVariances(), summary.channelVariances(), summary.unknownSkus());
        return summary;
    }

    /** The run failed: recorded, and the failure goes on. */
    public void failed(Exchange exchange) throws Exception {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Run run = exchange.getProperty(RUN, Run.class);
        if (run != null) {
            String error = cause == null ? "failed" : cause.getMessage();
            jdbc.update("update stock_reconciliation set status = 'FAILED', finished_at = :now, error = :error where id = :id",
                    new MapSqlParameterSource().addValue("now", Timestamps.now()).addValue("id", run.id)
                            .addValue("error", error == null || error.length() <= 4000 ? error : error.substring(0, 3997) + "..."));
        }
        throw cause == null ? new IllegalStateException("stock reconciliation failed") : cause;
    }

    public Optional<Summary> lastRun() {
        return jdbc.query("select * from stock_reconciliation order by id desc limit 1", Map.of(), (rs, i) -> new Summary(
                rs.getLong("id"), rs.getString("kind"), Timestamps.read(rs, "started_at"), Timestamps.read(rs, "finished_at"),
                rs.getString("status"), rs.getInt("report_rows"), rs.getInt("corrected"), rs.getInt("channel_pushes"),
                rs.getInt("bc_variances"), rs.getInt("channel_variances"), rs.getInt("unknown_skus"),
                rs.getString("error"))).stream().findFirst();
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
                              List<Told> toldList, Rules rules, SiteLocations locations, List<String> channelNames, Run run) {
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
            run.bcVariances++;
        }
        if (channelOff) {
            run.channelVariances++;
        }
        return new Variance(key, location, available, onHand, allocated, bcTold, bcToldAt, bcVariance, channelVariances,
                channelVariance, bcOff || channelOff, toJson(channelVariances));
    }

    /** Closes the SKU_MISMATCH exceptions (keyed by the item code: events, earlier reconciliations) of SKUs known now. */
    private void resolveKnown(Set<String> listed, Set<String> unknown) {
        Set<String> known = new LinkedHashSet<>();
        for (ExceptionRecord e : exceptions.list(ExceptionRecord.OPEN, Category.SKU_MISMATCH.name(), StockFlow.FLOW, null,
                10_000)) {
            if (listed.contains(e.businessKey()) && !unknown.contains(e.businessKey())) {
                known.add(e.businessKey());
            }
        }
        exceptions.resolveOpen(StockFlow.FLOW, known, "the item is known now; the reconciliation took its level");
    }

    private String toJson(List<ChannelVariance> list) {
        try {
            return json.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            return list.toString();
        }
    }
}
