package io.cherrypick.flow.item;

import java.util.LinkedHashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.catalog.ItemCodes;
import io.cherrypick.catalog.PeoplevoxItemCatalog;
import io.cherrypick.failure.Category;
import io.cherrypick.ops.ExceptionActions;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;

/**
 * Orders held because an item was not in Peoplevox ({@code SKU_MISMATCH}) go once their items arrive: after the item
 * flow saved items, each open SKU_MISMATCH exception of the order flow whose pick has a line with one of those items,
 * and no line with an item Peoplevox still lacks, is replayed (audited as {@value #ACTOR}).
 */
@Component
public class HeldOrderRelease {
    static final String ACTOR = "cherrypick:item-sync";
    static final String ORDER_FLOW = "sales-order";
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

    /** Replays the held orders the items just saved complete; returns how many were released. */
    public int releaseFor(Set<String> savedItemCodes) {
        int released = 0;
        for (ExceptionRecord e : exceptions.list(ExceptionRecord.OPEN, Category.SKU_MISMATCH.name(), ORDER_FLOW, null, MAX_HELD)) {
            Set<String> codes = lineItemCodes(e);
            if (codes.stream().noneMatch(savedItemCodes::contains) || !catalog.missing(codes).isEmpty()) {
                continue;
            }
            try {
                actions.replay(e.id(), ACTOR);
                released++;
                log.info("pick {} released: its items are now in Peoplevox (exception {} replayed)", e.businessKey(), e.id());
            } catch (ExceptionActions.NotActionable notNow) {
                log.info("pick {} not released: {}", e.businessKey(), notNow.getMessage());
            }
        }
        return released;
    }

    /** The ItemCodes of the held pick's lines (the exception's payload is the pick as Blue Cherry gave it). */
    private Set<String> lineItemCodes(ExceptionRecord e) {
        Set<String> codes = new LinkedHashSet<>();
        if (e.payload() == null) {
            return codes;
        }
        try {
            for (JsonNode line : json.readTree(e.payload()).path("pickdetail").path("rows")) {
                String code = itemCodes.itemCode(line, line.path("style").asText(""));
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
