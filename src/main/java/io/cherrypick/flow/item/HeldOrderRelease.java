package io.cherrypick.flow.item;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.bluecherry.model.Pick;
import io.cherrypick.bluecherry.model.PickLine;
import io.cherrypick.catalog.ItemCodes;
import io.cherrypick.catalog.PeoplevoxItemCatalog;
import io.cherrypick.failure.Category;
import io.cherrypick.ops.ExceptionActions;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;

/**
 * Orders and purchase orders held because an item was not in Peoplevox ({@code SKU_MISMATCH}) go once their items
 * arrive (bean {@code heldOrderRelease} in routes/): after the item flow saved items, each open SKU_MISMATCH exception
 * of the given flow whose record has a line with one of those items, and no line with an item Peoplevox still lacks, is
 * replayed (audited as {@value #ACTOR}).
 */
@Component("heldOrderRelease")
public class HeldOrderRelease {
    static final String ACTOR = "cherrypick:item-sync";
    private static final String PURCHASE_ORDER_LINES = "productionorderdetailbystage";
    private static final Logger log = LoggerFactory.getLogger(HeldOrderRelease.class);
    private static final int MAX_HELD = 10_000;

    private final ExceptionStore exceptions;
    private final ExceptionActions actions;
    private final ItemCodes itemCodes;
    private final PeoplevoxItemCatalog catalog;
    private final ObjectMapper json;

    public HeldOrderRelease(ExceptionStore exceptions, ExceptionActions actions, ItemCodes itemCodes,
                            PeoplevoxItemCatalog catalog, ObjectMapper json) {
        this.exceptions = exceptions;
        this.actions = actions;
        this.itemCodes = itemCodes;
        this.catalog = catalog;
        this.json = json;
    }

    /**
     * Route step over the SKUs Peoplevox just took (a list of messages, each a mapped row): replays the held orders of
     * {@code orderFlow} those items complete. Returns how many were released.
     */
    public int releaseFor(List<Message> saved, String orderFlow) {
        Set<String> codes = new LinkedHashSet<>();
        saved.forEach(m -> codes.add(ItemBatch.row(m).getOrDefault("ItemCode", "")));
        codes.remove("");
        return codes.isEmpty() ? 0 : release(codes, orderFlow);
    }

    /** Replays the held orders of {@code orderFlow} the items just saved complete; returns how many were released. */
    private int release(Set<String> savedItemCodes, String orderFlow) {
        int released = 0;
        for (ExceptionRecord e : exceptions.list(ExceptionRecord.OPEN, Category.SKU_MISMATCH.name(), orderFlow, null, MAX_HELD)) {
            Set<String> codes = lineItemCodes(e);
            if (codes.stream().noneMatch(savedItemCodes::contains) || !catalog.missing(codes).isEmpty()) {
                continue;
            }
            try {
                actions.replay(e.id(), ACTOR);
                released++;
                log.info("{} {} released: its items are now in Peoplevox (exception {} replayed)", orderFlow, e.businessKey(), e.id());
            } catch (ExceptionActions.NotActionable notNow) {
                log.info("{} {} not released: {}", orderFlow, e.businessKey(), notNow.getMessage());
            }
        }
        return released;
    }

    /**
     * The ItemCodes of the held record's lines (the exception's payload is the record as Blue Cherry gave it: a pick,
     * or a purchase order with its productionorderdetailbystage rows).
     */
    private Set<String> lineItemCodes(ExceptionRecord e) {
        Set<String> codes = new LinkedHashSet<>();
        if (e.payload() == null) {
            return codes;
        }
        try {
            JsonNode record = json.readTree(e.payload());
            if (record.has(PURCHASE_ORDER_LINES)) {
                for (JsonNode row : record.path(PURCHASE_ORDER_LINES).path("rows")) {
                    String code = itemCodes.itemCode(row, row.path("style").asText(""));
                    if (!code.isEmpty()) {
                        codes.add(code);
                    }
                }
                return codes;
            }
            for (PickLine line : Pick.of(record).getLines()) {
                String code = itemCodes.itemCode(line.json(), line.getStyle());
                if (!code.isEmpty()) {
                    codes.add(code);
                }
            }
        } catch (Exception unreadable) {
            log.debug("exception {} payload is not a pick: {}", e.id(), unreadable.getMessage());
        }
        return codes;
    }
}
