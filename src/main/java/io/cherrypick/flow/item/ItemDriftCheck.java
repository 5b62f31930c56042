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

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.failure.Category;
import io.cherrypick.flow.item.SyncedItemStore.SyncedItem;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;

/**
 * The drift check's steps (bean {@code itemDriftCheck} in routes/): compares Peoplevox's item types (read by the route,
 * GetData {@code Item types}, every page) with what the item flow last sent from Blue Cherry (item_sku). Each
 * difference becomes a {@code DRIFT} exception (owner DATA) keyed by ItemCode, recorded by the route: an item Peoplevox
 * has that Cherrypick never synced (made by hand), a mapped field whose value differs (edited in Peoplevox), and a synced
 * item Peoplevox no longer has. It only reports: nothing is changed in Peoplevox. Deactivated items (key containing
 * {@code ~D~}) are ignored. A drift that is gone by the next check is resolved.
 */
@Component("itemDriftCheck")
public class ItemDriftCheck {
    static final String DEACTIVATED = "~D~";
    private static final String ITEM_CODE = "ItemCode";
    private static final Logger log = LoggerFactory.getLogger(ItemDriftCheck.class);

    /** How long a check waits for a send in progress before it compares anyway. */
    private static final Duration WAIT_FOR_SYNC = Duration.ofMinutes(5);

    private final SyncedItemStore synced;
    private final ExceptionStore exceptions;
    private final HandoffStore handoff;
    private final ObjectMapper json;

    public ItemDriftCheck(SyncedItemStore synced, ExceptionStore exceptions, HandoffStore handoff, ObjectMapper json) {
        this.synced = synced;
        this.exceptions = exceptions;
        this.handoff = handoff;
        this.json = json;
    }

    /** One difference, as reported. */
    public record Drift(String itemCode, String message, Map<String, String> peoplevox, Map<String, String> blueCherry) {
    }

    /**
     * The condition of the route's wait before it reads Peoplevox: items of {@code queue} are being sent (claimed) and
     * the check has waited less than five minutes. Items saved by a send in progress are in Peoplevox before Cherrypick
     * records them; compared then, they would be reported as made by hand.
     */
    public boolean sendInProgress(String queue, Exchange exchange) {
        return handoff.countByStatus(queue).getOrDefault(HandoffStore.CLAIMED, 0) > 0
                && Instant.now().isBefore(Instant.ofEpochMilli(exchange.getClock().getCreated()).plus(WAIT_FOR_SYNC));
    }

    /** Route step: the body, Peoplevox's item types (one map per row), becomes the differences found. */
    public List<Drift> compare(@Body List<Map<String, String>> peoplevoxItems) {
        List<Drift> drifts = compare(peoplevoxItems, synced.all());
        log.info("item drift check: {} item type(s) in Peoplevox, {} difference(s)", peoplevoxItems.size(), drifts.size());
        return drifts;
    }

    /** Route step: what a drift's exception keeps as its payload, both sides of it (JSON). */
    public String payload(@Body Drift d) throws JsonProcessingException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("itemCode", d.itemCode());
        p.put("peoplevox", d.peoplevox());
        p.put("blueCherry", d.blueCherry());
        return json.writeValueAsString(p);
    }

    /**
     * Route step after this check's drifts were recorded: the open DRIFT exceptions of {@code flow} whose item no longer
     * differs are resolved. Returns how many drifts were gone.
     */
    public int resolveGone(@Body List<Drift> drifts, @Header(Handoff.FLOW) String flow) {
        Set<String> drifting = new HashSet<>();
        drifts.forEach(d -> drifting.add(d.itemCode()));
        int resolved = 0;
        for (ExceptionRecord open : exceptions.list(ExceptionRecord.OPEN, Category.DRIFT.name(), flow, null, 100_000)) {
            if (!drifting.contains(open.businessKey())
                    && exceptions.action(open.id(), ExceptionRecord.RESOLVED, "cherrypick", "no longer differs at the drift check")) {
                resolved++;
            }
        }
        if (resolved > 0) {
            log.info("item drift check: {} earlier difference(s) gone", resolved);
        }
        return resolved;
    }

    /** The differences between Peoplevox's rows and the synced rows, in Peoplevox's order, then the missing ones. */
    static List<Drift> compare(List<Map<String, String>> peoplevoxItems, Map<String, SyncedItem> syncedByCode) {
        List<Drift> drifts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> exported = new HashSet<>(); // the columns Peoplevox gave: fields it does not export are not compared
        peoplevoxItems.forEach(row -> exported.addAll(row.keySet()));
        for (Map<String, String> row : peoplevoxItems) {
            String code = value(row.get(ITEM_CODE));
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
                if (!field.equals(ITEM_CODE) && exported.contains(field)
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
}
