package io.cherrypick.flow.item;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.failure.Category;
import io.cherrypick.failure.Owner;
import io.cherrypick.flow.item.SyncedItemStore.SyncedItem;
import io.cherrypick.peoplevox.CsvTable;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.NewException;
import io.cherrypick.store.OutboxStore;

/**
 * Compares Peoplevox's item types (GetData {@code Item types}, every page) with what the item flow last sent from Blue
 * Cherry (item_sku) and reports each difference as a {@code DRIFT} exception (owner DATA) keyed by ItemCode: an item
 * Peoplevox has that Cherrypick never synced (made by hand), a mapped field whose value differs (edited in Peoplevox),
 * and a synced item Peoplevox no longer has. It only reports: nothing is changed in Peoplevox. Deactivated items (key
 * containing {@code ~D~}) are ignored. A drift that is gone by the next check is resolved.
 */
@Component("itemDriftCheck")
public class ItemDriftCheck {
    static final String DEACTIVATED = "~D~";
    private static final Logger log = LoggerFactory.getLogger(ItemDriftCheck.class);

    private static final Duration WAIT_FOR_SYNC = Duration.ofMinutes(5);

    private final PeoplevoxClient peoplevox;
    private final SyncedItemStore synced;
    private final ExceptionStore exceptions;
    private final OutboxStore outbox;
    private final ObjectMapper json;

    public ItemDriftCheck(PeoplevoxClient peoplevox, SyncedItemStore synced, ExceptionStore exceptions, OutboxStore outbox,
                          ObjectMapper json) {
        this.peoplevox = peoplevox;
        this.synced = synced;
        this.exceptions = exceptions;
        this.outbox = outbox;
        this.json = json;
    }

    /** One difference, as reported. */
    public record Drift(String itemCode, String message, Map<String, String> peoplevox, Map<String, String> blueCherry) {
    }

    /** Runs the check; returns the differences found (each recorded as an open DRIFT exception). */
    public List<Drift> run() throws InterruptedException {
        waitForRunningSync();
        CsvTable items = peoplevox.getData(ItemFlow.TEMPLATE, "");
        List<Drift> drifts = compare(items, synced.all());
        Set<String> drifting = new HashSet<>();
        for (Drift d : drifts) {
            drifting.add(d.itemCode());
            exceptions.record(new NewException(ItemFlow.FLOW, ItemFlow.DRIFT_ROUTE, d.itemCode(), Category.DRIFT, Owner.DATA,
                    d.message(), payload(d), null, null));
        }
        int resolved = 0;
        for (ExceptionRecord open : exceptions.list(ExceptionRecord.OPEN, Category.DRIFT.name(), ItemFlow.FLOW, null, 100_000)) {
            if (!drifting.contains(open.businessKey())
                    && exceptions.action(open.id(), ExceptionRecord.RESOLVED, "cherrypick", "no longer differs at the drift check")) {
                resolved++;
            }
        }
        exceptions.resolveOpen(ItemFlow.DRIFT_ROUTE, ItemFlow.DRIFT_ROUTE, "the drift check succeeded again");
        log.info("item drift check: {} item type(s) in Peoplevox, {} difference(s), {} earlier difference(s) gone",
                items.rows().size(), drifts.size(), resolved);
        return drifts;
    }

    /**
     * Items saved by a send still in progress are in Peoplevox before Cherrypick records them: compare once no styles
     * are being sent (up to a few minutes), so such items are not reported as made by hand.
     */
    private void waitForRunningSync() throws InterruptedException {
        Instant giveUp = Instant.now().plus(WAIT_FOR_SYNC);
        while (outbox.countByStatus(ItemFlow.FLOW).getOrDefault(OutboxStore.CLAIMED, 0) > 0 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(500);
        }
    }

    /** The differences between Peoplevox's rows and the synced rows, in Peoplevox's order, then the missing ones. */
    static List<Drift> compare(CsvTable peoplevoxItems, Map<String, SyncedItem> syncedByCode) {
        List<Drift> drifts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map<String, String> row : peoplevoxItems.rows()) {
            String code = value(row.get(ItemMapper.ITEM_CODE));
            if (code.isEmpty() || code.contains(DEACTIVATED)) {
                continue;
            }
            seen.add(code);
            SyncedItem item = syncedByCode.get(code);
            if (item == null) {
                drifts.add(new Drift(code, "Item " + code + " ('" + value(row.get("Name")) + "', barcode "
                        + value(row.get("Barcode")) + ") is in Peoplevox but was never synced from Blue Cherry:"
                        + " made by hand in Peoplevox?", row, null));
                continue;
            }
            List<String> differences = new ArrayList<>();
            item.mappedRow().forEach((field, sent) -> {
                if (!field.equals(ItemMapper.ITEM_CODE) && peoplevoxItems.headers().contains(field)
                        && !sameValue(sent, row.get(field))) {
                    differences.add(field + " is '" + value(row.get(field)) + "' in Peoplevox but '" + value(sent)
                            + "' in Blue Cherry");
                }
            });
            if (!differences.isEmpty()) {
                drifts.add(new Drift(code, "Item " + code + " (" + item.describe() + ") was edited in Peoplevox: "
                        + String.join("; ", differences), row, item.mappedRow()));
            }
        }
        syncedByCode.values().stream().filter(item -> !seen.contains(item.itemCode()))
                .sorted(java.util.Comparator.comparing(SyncedItem::itemCode))
                .forEach(item -> drifts.add(new Drift(item.itemCode(), "Item " + item.itemCode() + " (" + item.describe()
                        + ") was synced from Blue Cherry but is no longer in Peoplevox (deleted or deactivated there?)",
                        null, item.mappedRow())));
        return drifts;
    }

    /** Equal as text, or as numbers (48 = 48.00), or both empty. */
    static boolean sameValue(String a, String b) {
        String x = value(a);
        String y = value(b);
        if (x.equals(y)) {
            return true;
        }
        try {
            return new BigDecimal(x).compareTo(new BigDecimal(y)) == 0;
        } catch (NumberFormatException notNumbers) {
            return x.equalsIgnoreCase(y) && (x.equalsIgnoreCase("true") || x.equalsIgnoreCase("false"));
        }
    }

    private static String value(String v) {
        return v == null ? "" : v.trim();
    }

    private String payload(Drift d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("itemCode", d.itemCode());
        p.put("peoplevox", d.peoplevox());
        p.put("blueCherry", d.blueCherry());
        try {
            return json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
