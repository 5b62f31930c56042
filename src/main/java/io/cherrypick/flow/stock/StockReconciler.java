package io.cherrypick.flow.stock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.cherrypick.catalog.BlueCherrySkus;
import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.flow.stock.ChannelRules.Rules;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.peoplevox.Peoplevox;
import io.cherrypick.peoplevox.PeoplevoxClient;
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
import io.cherrypick.store.StockReconciliations;
import io.cherrypick.store.StockReconciliations.ChannelVariance;
import io.cherrypick.store.StockReconciliations.Summary;
import io.cherrypick.store.StockReconciliations.VarianceRow;
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
    private final StockReconciliations reconciliations;
    private final StockProperties props;
    private final CamelContext camel;

    public StockReconciler(StockLevels levels, ChannelTold told, ChannelRules channelRules, StockChannels channels,
                           BlueCherrySkus skus, ValueMappingStore mappings, ExceptionStore exceptions,
                           StockReconciliations reconciliations, StockProperties props, CamelContext camel) {
        this.levels = levels;
        this.told = told;
        this.channelRules = channelRules;
        this.channels = channels;
        this.skus = skus;
        this.mappings = mappings;
        this.exceptions = exceptions;
        this.reconciliations = reconciliations;
        this.props = props;
        this.camel = camel;
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
        exchange.setProperty(RUN, new Run(reconciliations.start(kind, started), kind, started));
    }

    /** Compares the report (body: its rows) with what was told, and records the variances. */
    @SuppressWarnings("unchecked")
    public void compare(Exchange exchange) {
        Run run = exchange.getProperty(RUN, Run.class);
        Instant stamp = InventoryReport.stamp(run.started);
        List<Map<String, String>> report = exchange.getIn().getBody(List.class);
        InventoryReport.Read read = InventoryReport.read(report, props.defaultSite());
        if (!read.complete()) {
            throw stopped(run, "Peoplevox's " + props.report() + " could not be read in full (" + read.problems().size()
                    + " problem(s)): " + listed(read.problems()));
        }
        List<Row> rows = read.rows();
        run.reportRows = rows.size();
        checkReportSize(run);
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
        List<VarianceRow> variances = new ArrayList<>();
        for (Row row : pvx.values()) {
            if (unknown.contains(row.itemCode())) {
                continue;
            }
            StockLevel level = stored.get(row.key());
            boolean differs = level == null || level.available() != row.available()
                    || (row.onHand() != null && !row.onHand().equals(level.onHand()))
                    || (row.allocated() != null && !row.allocated().equals(level.allocated()));
            VarianceRow v = variance(row.key(), row.available(), row.onHand(), row.allocated(), level,
                    toldByKey.get(row.key()), rules, locations, channelNames, run, differs);
            variances.add(v);
            if (differs) {
                run.corrections.add(row.observation(stamp, StockObservation.RECONCILIATION));
            } else if (channelsBehind(v)) {
                run.channelsBehind.add(row.key());
            }
        }
        List<SkuSite> zeroed = new ArrayList<>();
        if (!pvx.isEmpty()) {
            // what Peoplevox no longer lists holds nothing
            for (StockLevel level : stored.values()) {
                if (pvx.containsKey(level.key())) {
                    continue;
                }
                boolean differs = level.available() != 0 || (level.onHand() != null && level.onHand() != 0);
                if (differs) {
                    zeroed.add(level.key());
                }
                VarianceRow v = variance(level.key(), 0, 0, 0, level, toldByKey.get(level.key()), rules, locations,
                        channelNames, run, differs);
                variances.add(v);
                if (differs) {
                    run.corrections.add(new StockObservation(level.itemCode(), level.site(), 0, 0, 0, stamp, 0,
                            StockObservation.RECONCILIATION));
                } else if (channelsBehind(v)) {
                    run.channelsBehind.add(level.key());
                }
            }
        }
        checkZeros(run, zeroed, stored.size());
        reconciliations.replaceVariances(variances);
    }

    /** A report much shorter than the last completed run's was most likely cut short: nothing is corrected. */
    private void checkReportSize(Run run) {
        reconciliations.lastCompletedBefore(run.id).ifPresent(last -> {
            if (run.reportRows < props.reconcileMinReportShare() * last.reportRows()) {
                throw stopped(run, "Peoplevox's " + props.report() + " has " + run.reportRows + " row(s), fewer than "
                        + percent(props.reconcileMinReportShare()) + " of the " + last.reportRows() + " of reconciliation "
                        + last.id() + " (setting cherrypick.flows.stock.reconcile-min-report-share): the report looks cut"
                        + " short");
            }
        });
    }

    /** Setting many levels to 0 because the report no longer lists them is not believed without a person's look. */
    private void checkZeros(Run run, List<SkuSite> zeroed, int held) {
        if (zeroed.size() > Math.max(1, props.reconcileMaxZeroShare() * held)) {
            throw stopped(run, "it would set " + zeroed.size() + " of the " + held + " level(s) held to 0 because"
                    + " Peoplevox's " + props.report() + " no longer lists them, more than " + percent(
                    props.reconcileMaxZeroShare()) + " (setting cherrypick.flows.stock.reconcile-max-zero-share); first: "
                    + listed(zeroed.stream().map(k -> k.itemCode() + " at " + k.site()).toList()));
        }
    }

    /** The run stops before anything is corrected: no level changes, nothing goes to the channels or Blue Cherry. */
    private ApiException stopped(Run run, String why) {
        return ApiException.permanent(PeoplevoxClient.SYSTEM, Category.VALIDATION, "Stock reconciliation " + run.id
                + " stopped before correcting anything: " + why + ". No level was changed and nothing was sent to the"
                + " channels or Blue Cherry; the next run reads the report again.");
    }

    private static String listed(List<String> items) {
        int shown = Math.min(items.size(), 10);
        return String.join("; ", items.subList(0, shown)) + (items.size() > shown ? "; and " + (items.size() - shown)
                + " more" : "");
    }

    private static String percent(double share) {
        return Math.round(share * 1000) / 10.0 + "%";
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
        reconciliations.finish(summary);
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
            reconciliations.failed(run.id, cause == null ? "failed" : cause.getMessage());
        }
        throw cause == null ? new IllegalStateException("stock reconciliation failed") : cause;
    }

    /** Whether a channel shows this SKU and site wrongly (or was never told a level other than zero). */
    private static boolean channelsBehind(VarianceRow row) {
        return row.channels().stream().anyMatch(c -> c.told() == null ? c.expected() != 0 : c.variance() != 0);
    }

    /**
     * Peoplevox against what was told. Blue Cherry: on hand − last told (a mapped site never told counts as a variance
     * when Peoplevox holds something). Channels: available to sell − last told, per configured channel.
     */
    private VarianceRow variance(SkuSite key, int available, Integer onHand, Integer allocated, StockLevel level,
                                 List<Told> toldList, Rules rules, SiteLocations locations, List<String> channelNames,
                                 Run run, boolean corrected) {
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
        return new VarianceRow(key.itemCode(), key.site(), location, onHand, allocated, available, bcTold, bcToldAt,
                bcVariance, channelVariances, channelVariance, bcOff || channelOff, corrected, run.id, run.started);
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
}
