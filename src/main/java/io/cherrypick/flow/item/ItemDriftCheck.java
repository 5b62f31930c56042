package io.cherrypick.flow.item;

import java.time.Duration;
import java.time.Instant;
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

import io.cherrypick.catalog.ItemDrift;
import io.cherrypick.catalog.ItemDrift.Drift;
import io.cherrypick.failure.Category;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.SyncedItemStore;

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
        List<Drift> drifts = ItemDrift.compare(peoplevoxItems, synced.all());
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

}
