package io.cherrypick.flow.item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.catalog.PeoplevoxItemCatalog;
import io.cherrypick.catalog.PeoplevoxItemCatalog.KnownItem;
import io.cherrypick.failure.Category;
import io.cherrypick.failure.Owner;
import io.cherrypick.flow.OutboxBatch;
import io.cherrypick.flow.item.ItemValidator.Candidate;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.peoplevox.RowWriter;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.NewException;
import io.cherrypick.store.OutboxRow;
import io.cherrypick.store.OutboxStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends queued styles to Peoplevox as {@code Item types}, only what changed.
 * <p>
 * Each claimed style is expanded into its SKUs, each SKU mapped and fingerprinted (SHA-256 of the mapped row); a SKU
 * whose fingerprint equals the one remembered for its ItemCode in pvx_item is already in Peoplevox as it is and is not
 * sent. The rest are checked ({@link ItemValidator}); a failing SKU becomes an exception (owner DATA) while the style's
 * other SKUs still go. Rows are sent up to 100 per SaveData, filling each call across styles, and Peoplevox's per-row
 * {@code Statuses} decide: accepted rows are remembered (fingerprint, item_sku), refused ones become exceptions with
 * Peoplevox's words. A style with any exception stays HELD (an operator may replay it); otherwise it is SENT.
 * <p>
 * Full calls across runs: when a run claimed a full set of styles (more are likely waiting) and its last call would be
 * part-filled, the styles of that part-filled call go back to the queue unchanged and come first in the next run, which
 * fills the call up. Item saves are upserts by ItemCode, so a row sent again after a crash does no harm.
 */
@Component("itemSender")
public class ItemSender {
    private static final Logger log = LoggerFactory.getLogger(ItemSender.class);
    static final int MAX_ROWS = 100;

    private final OutboxStore outbox;
    private final ExceptionStore exceptions;
    private final PeoplevoxClient peoplevox;
    private final PeoplevoxItemCatalog catalog;
    private final SyncedItemStore synced;
    private final ItemMapper mapper;
    private final ItemValidator validator;
    private final HeldOrderRelease heldOrders;
    private final ItemFlowProperties props;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final String instanceId;

    public ItemSender(OutboxStore outbox, ExceptionStore exceptions, PeoplevoxClient peoplevox, PeoplevoxItemCatalog catalog,
                      SyncedItemStore synced, ItemMapper mapper, ItemValidator validator, HeldOrderRelease heldOrders,
                      ItemFlowProperties props, TransactionTemplate tx, ObjectMapper json, MeterRegistry meters,
                      @Value("${cherrypick.instance-id}") String instanceId) {
        this.outbox = outbox;
        this.exceptions = exceptions;
        this.peoplevox = peoplevox;
        this.catalog = catalog;
        this.synced = synced;
        this.mapper = mapper;
        this.validator = validator;
        this.heldOrders = heldOrders;
        this.props = props;
        this.tx = tx;
        this.json = json;
        this.meters = meters;
        this.instanceId = instanceId;
    }

    /** A claimed style revision and what became of its SKUs. */
    private static final class StyleWork {
        final OutboxRow row;
        final List<Held> problems = new ArrayList<>();
        final List<SkuWork> skus = new ArrayList<>();
        int waiting;
        boolean deferred;

        StyleWork(OutboxRow row) {
            this.row = row;
        }
    }

    /** A problem to record under a business key (the ItemCode, or the style when there is none). */
    private record Held(String key, ItemProblem problem) {
    }

    /** One SKU of a style, mapped (identity equality: it is a map key while its call is recorded). */
    private static final class SkuWork {
        private final StyleWork style;
        private final StyleSku sku;
        private final String itemCode;
        private final String barcode;
        private final Map<String, String> row;
        private final String fingerprint;
        private final String label;

        SkuWork(StyleWork style, StyleSku sku, String itemCode, String barcode, Map<String, String> row, String fingerprint,
                String label) {
            this.style = style;
            this.sku = sku;
            this.itemCode = itemCode;
            this.barcode = barcode;
            this.row = row;
            this.fingerprint = fingerprint;
            this.label = label;
        }

        StyleWork style() {
            return style;
        }

        StyleSku sku() {
            return sku;
        }

        String itemCode() {
            return itemCode;
        }

        String barcode() {
            return barcode;
        }

        Map<String, String> row() {
            return row;
        }

        String fingerprint() {
            return fingerprint;
        }

        String label() {
            return label;
        }
    }

    /** Claims up to {@code styles-per-run} queued styles; an empty claim tells the scheduler there was nothing to do. */
    public OutboxBatch claim(Exchange exchange) {
        return OutboxBatch.attach(exchange, ItemFlow.FLOW,
                outbox.claim(ItemFlow.FLOW, instanceId, props.stylesPerRun(), props.staleClaimAfter()));
    }

    /** Sends the changed, valid SKUs of the claimed styles and settles every style. Returns how many items Peoplevox saved. */
    public int send(OutboxBatch batch) {
        List<StyleWork> styles = batch.rows().stream().map(this::plan).toList();
        List<SkuWork> changed = changedSkus(styles);
        List<SkuWork> toSend = withoutDuplicates(changed);

        // rows of one field set share a CSV (a row never carries a field it does not mean to set)
        Map<List<String>, List<SkuWork>> byFields = new LinkedHashMap<>();
        toSend.forEach(s -> byFields.computeIfAbsent(List.copyOf(s.row().keySet()), k -> new ArrayList<>()).add(s));
        List<List<SkuWork>> calls = new ArrayList<>();
        byFields.values().forEach(group -> {
            for (int i = 0; i < group.size(); i += MAX_ROWS) {
                calls.add(group.subList(i, Math.min(group.size(), i + MAX_ROWS)));
            }
        });
        boolean moreWaiting = batch.rows().size() >= props.stylesPerRun();
        if (moreWaiting && calls.stream().anyMatch(c -> c.size() == MAX_ROWS)) {
            calls.stream().filter(c -> c.size() < MAX_ROWS).flatMap(List::stream).forEach(s -> s.style().deferred = true);
            calls.removeIf(c -> c.size() < MAX_ROWS);
        }
        calls.forEach(call -> call.forEach(s -> s.style().waiting++));
        styles.stream().filter(s -> s.waiting == 0 && !s.deferred).forEach(s -> settle(batch, s));

        int saved = 0;
        for (List<SkuWork> call : calls) {
            saved += save(batch, call);
        }
        release(batch, styles.stream().filter(s -> s.deferred).toList());
        return saved;
    }

    /** Parses, expands, maps and checks one style on its own. */
    private StyleWork plan(OutboxRow row) {
        StyleWork work = new StyleWork(row);
        JsonNode style;
        try {
            style = json.readTree(row.payload());
        } catch (Exception unreadable) {
            work.problems.add(new Held(row.businessKey(), new ItemProblem(Category.VALIDATION, "Style " + row.businessKey()
                    + ": stored payload is not readable JSON (" + unreadable.getMessage() + ")")));
            return work;
        }
        List<StyleSku> skus = StyleSku.expand(style);
        if (skus.isEmpty()) {
            log.info("style {} has no colour/size rows (styledetail.rows[].stylecolorsizes): no items to send", row.businessKey());
        }
        for (StyleSku sku : skus) {
            Map<String, String> mapped = mapper.map(sku);
            String itemCode = mapped.getOrDefault(ItemMapper.ITEM_CODE, "");
            String label = sku.label(itemCode);
            List<ItemProblem> problems = validator.check(label, mapped);
            String key = itemCode.isEmpty() ? row.businessKey() : itemCode;
            if (!problems.isEmpty()) {
                problems.forEach(p -> work.problems.add(new Held(key, p)));
                continue;
            }
            work.skus.add(new SkuWork(work, sku, itemCode, mapped.getOrDefault("Barcode", ""), mapped,
                    ItemMapper.fingerprint(mapped), label));
        }
        return work;
    }

    /** The valid SKUs whose row differs from what Peoplevox was last sent (fingerprint in pvx_item). */
    private List<SkuWork> changedSkus(List<StyleWork> styles) {
        List<SkuWork> all = styles.stream().flatMap(s -> s.skus.stream()).toList();
        Map<String, String> fingerprints = new HashMap<>();
        for (KnownItem k : catalog.findByCodeOrBarcode(all.stream().map(SkuWork::itemCode).toList())) {
            if (k.fingerprint() != null) {
                fingerprints.put(k.itemCode(), k.fingerprint());
            }
        }
        List<SkuWork> changed = all.stream().filter(s -> !s.fingerprint().equals(fingerprints.get(s.itemCode()))).toList();
        meters.counter("cherrypick.items", "outcome", "unchanged").increment(all.size() - changed.size());
        return changed;
    }

    /**
     * Drops SKUs whose ItemCode or barcode belongs to another item (they become exceptions); of the same SKU twice in
     * one run (two revisions of a style), the newer row is the one sent.
     */
    private List<SkuWork> withoutDuplicates(List<SkuWork> changed) {
        Map<String, SkuWork> latest = new LinkedHashMap<>();
        for (SkuWork s : changed) {
            latest.put(s.itemCode() + "\u0000" + s.sku().describe(), s);
        }
        List<SkuWork> candidates = new ArrayList<>(latest.values());
        List<ItemProblem> problems = validator.checkUnique(candidates.stream()
                .map(s -> new Candidate(s.label(), s.sku(), s.itemCode(), s.barcode())).toList());
        List<SkuWork> unique = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            SkuWork s = candidates.get(i);
            if (problems.get(i) == null) {
                unique.add(s);
            } else {
                s.style().problems.add(new Held(s.itemCode(), problems.get(i)));
            }
        }
        return unique;
    }

    /** One SaveData call; records each row's outcome and settles the styles whose rows all have one. */
    private int save(OutboxBatch batch, List<SkuWork> call) {
        Map<SkuWork, List<Map<String, String>>> rows = new LinkedHashMap<>();
        call.forEach(s -> rows.put(s, List.of(s.row())));
        RowWriter.Outcome<SkuWork> outcome = RowWriter.save(peoplevox, ItemFlow.TEMPLATE, rows, SkuWork::itemCode);
        tx.executeWithoutResult(status -> {
            for (SkuWork s : outcome.saved()) {
                catalog.remember(s.itemCode(), s.barcode(), s.fingerprint(), "SYNC");
                synced.save(s.itemCode(), s.sku(), s.barcode(), s.style().row.revision(), s.row());
                exceptions.resolveOpen(ItemFlow.FLOW, s.itemCode(), "synced to Peoplevox");
            }
        });
        outcome.refused().forEach((s, why) -> s.style().problems.add(new Held(s.itemCode(), new ItemProblem(Category.REJECTED,
                s.label() + ": Peoplevox refused the item: " + why))));
        Set<StyleWork> touched = new LinkedHashSet<>();
        call.forEach(s -> {
            s.style().waiting--;
            touched.add(s.style());
        });
        touched.stream().filter(s -> s.waiting == 0 && !s.deferred).forEach(s -> settle(batch, s));
        meters.counter("cherrypick.items", "outcome", "sent").increment(outcome.saved().size());
        log.info("{} item(s) saved in Peoplevox, {} refused", outcome.saved().size(), outcome.refused().size());
        if (!outcome.saved().isEmpty()) {
            heldOrders.releaseFor(outcome.saved().stream().map(SkuWork::itemCode).collect(Collectors.toSet()));
        }
        return outcome.saved().size();
    }

    /** Records a style's outcome: SENT when every SKU is in Peoplevox as mapped, else HELD with an exception per problem. */
    private void settle(OutboxBatch batch, StyleWork style) {
        OutboxRow row = style.row;
        tx.executeWithoutResult(status -> {
            if (style.problems.isEmpty()) {
                outbox.markSent(List.of(row.id()));
                return;
            }
            for (Held h : style.problems) {
                exceptions.record(new NewException(ItemFlow.FLOW, ItemFlow.SEND_ROUTE, h.key(), h.problem().category(),
                        Owner.DATA, h.problem().message(), row.payload(), null, row.id()));
            }
            outbox.markHeld(row.id(), style.problems.size() + " SKU problem(s), first: " + style.problems.get(0).problem().message());
        });
        batch.settle(row.id());
        if (!style.problems.isEmpty()) {
            meters.counter("cherrypick.items", "outcome", "exception").increment(style.problems.size());
            style.problems.forEach(h -> log.warn("{}", h.problem().message()));
        }
    }

    /** Styles whose rows would have made a part-filled call go back to the queue as they were, to fill the next run's. */
    private void release(OutboxBatch batch, List<StyleWork> deferred) {
        if (deferred.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        tx.executeWithoutResult(status -> deferred.forEach(s -> outbox.reschedule(s.row.id(), s.row.attempts(), now,
                "put back to fill the next run's first SaveData call (not a failure)")));
        deferred.forEach(s -> batch.settle(s.row.id()));
        log.debug("{} style(s) put back to fill the next run's first call", deferred.size());
    }
}
