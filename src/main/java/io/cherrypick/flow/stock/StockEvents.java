package io.cherrypick.flow.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.catalog.BlueCherrySkus;
import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.peoplevox.PeoplevoxDates;
import io.cherrypick.store.Columns;
import io.cherrypick.store.StockLevels;
import io.cherrypick.store.StockMovement;
import io.cherrypick.store.StockObservation;

/**
 * Reads the stock events of a hand-off batch (bean {@code stockEvents}, route stock-inbox), all at once so the batch
 * costs one lookup of its items:
 * <ul>
 * <li>{@code AvailabilityChanges} becomes a {@link StockObservation} of the SKU at the site at the event's
 * {@code LastModificationTime} (the arrival time when Peoplevox sends none), ordered among equal times by the event's
 * id (later received wins);</li>
 * <li>{@code IncrementalChanges} becomes a {@link StockMovement}: on hand moved, the level is read again;</li>
 * <li>an event that cannot be read gets category MALFORMED_EVENT and a reason naming the field.</li>
 * </ul>
 * Header {@code StockItemKnown} says whether Blue Cherry's catalogue or Cherrypick's item list knows the item
 * ({@code known}, {@code unknown}) or whether that could not be told because Blue Cherry's styles could not be read
 * ({@code unsure}: the event waits, {@link #waitForBlueCherry}).
 */
@Component("stockEvents")
public class StockEvents {
    static final String ITEM_CODE = "StockItemCode";
    static final String SITE = "StockSite";
    static final String ITEM_KNOWN = "StockItemKnown";
    static final String LOOKUP_FAILURE = "StockLookupFailure";
    private static final Logger log = LoggerFactory.getLogger(StockEvents.class);
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final BlueCherrySkus skus;
    private final StockProperties props;
    private final ObjectMapper json;

    public StockEvents(BlueCherrySkus skus, StockProperties props, ObjectMapper json) {
        this.skus = skus;
        this.props = props;
        this.json = json;
    }

    /** Reads every event of the batch (each message's body becomes its observation or movement) and looks up its item. */
    public void read(List<Message> events) {
        Set<String> codes = new LinkedHashSet<>();
        for (Message event : events) {
            try {
                Object read = read(event);
                event.setBody(read);
                String code = read instanceof StockObservation o ? o.itemCode() : ((StockMovement) read).itemCode();
                event.setHeader(ITEM_CODE, code);
                event.setHeader(SITE, read instanceof StockObservation o ? o.site() : ((StockMovement) read).site());
                codes.add(code);
            } catch (IllegalArgumentException malformed) {
                event.setHeader(Handoff.CATEGORY, Category.MALFORMED_EVENT.name());
                event.setHeader(Handoff.REASON, "Peoplevox event " + event.getHeader(Handoff.RECORD_TYPE) + " (event "
                        + event.getHeader(Handoff.RECORD_ID) + ") cannot be used: " + malformed.getMessage());
            }
        }
        if (codes.isEmpty()) {
            return;
        }
        Set<String> unknown;
        Set<String> unsure = Set.of();
        String failure = null;
        try {
            unknown = skus.unknown(codes);
        } catch (ApiException blueCherryDown) {
            // codes Cherrypick does not hold wait for Blue Cherry; the others go on
            unknown = Set.of();
            unsure = skus.unknownHere(codes);
            failure = blueCherryDown.getMessage();
            log.warn("Blue Cherry's styles could not be read to look up {} item code(s); their events wait: {}",
                    unsure.size(), failure);
        }
        for (Message event : events) {
            String code = event.getHeader(ITEM_CODE, String.class);
            if (code == null) {
                continue;
            }
            event.setHeader(ITEM_KNOWN, unsure.contains(code) ? "unsure" : unknown.contains(code) ? "unknown" : "known");
            if (unsure.contains(code)) {
                event.setHeader(LOOKUP_FAILURE, failure);
            }
        }
    }

    /** An event whose item could not be looked up waits: it is retried with backoff, its neighbours go on. */
    public void waitForBlueCherry(Message event) {
        throw ApiException.transientFailure("Blue Cherry", Category.API_ERROR, "Blue Cherry's styles could not be read to"
                + " look up item " + event.getHeader(ITEM_CODE) + " of Peoplevox event " + event.getHeader(Handoff.RECORD_ID)
                + ": " + event.getHeader(LOOKUP_FAILURE), null);
    }

    private Object read(Message event) {
        Map<String, String> f = fields(event.getBody(String.class));
        Instant arrived = event.getHeader(Handoff.CREATED_AT, Instant.class);
        Instant received = arrived == null ? Instant.now() : arrived;
        if (StockFlow.INCREMENTAL_CHANGES.equals(event.getHeader(Handoff.RECORD_TYPE, String.class))) {
            return new StockMovement(itemCode(f, "ItemType.ItemCode"), site(f),
                    PeoplevoxDates.parseInstant(f.get("UpdateTimestamp")).orElse(received));
        }
        Long id = event.getHeader(Handoff.RECORD_ID, Long.class);
        return new StockObservation(itemCode(f, "ItemCode"), site(f), quantity(f, "Available"), optionalQuantity(f, "OnHand"),
                optionalQuantity(f, "Allocated"), PeoplevoxDates.parseInstant(f.get("LastModificationTime")).orElse(received),
                id == null ? 0 : id, StockObservation.EVENT);
    }

    private String site(Map<String, String> f) {
        String site = f.getOrDefault("SiteReference", "").trim();
        return site.isEmpty() ? props.defaultSite() : fitting(site, "SiteReference", StockLevels.SITE_WIDTH);
    }

    private static String itemCode(Map<String, String> f, String field) {
        return fitting(required(f, field), field, StockLevels.ITEM_CODE_WIDTH);
    }

    /** A value longer than its column would fail the whole batch's transaction: it fails this event alone. */
    private static String fitting(String value, String field, int width) {
        if (!Columns.fits(value, width)) {
            throw new IllegalArgumentException("field " + field + " is " + value.length() + " characters long; at most "
                    + width + " fit ('" + Columns.fit(value, 40) + "')");
        }
        return value;
    }

    private static String required(Map<String, String> f, String field) {
        String value = f.getOrDefault(field, "").trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("field " + field + " is empty");
        }
        return value;
    }

    private static Integer optionalQuantity(Map<String, String> f, String field) {
        String value = f.getOrDefault(field, "").trim();
        return value.isEmpty() ? null : quantity(f, field);
    }

    /** A whole number of units (Peoplevox may write "12.0"). */
    static int quantity(Map<String, String> f, String field) {
        String value = f.getOrDefault(field, "").trim();
        try {
            return new BigDecimal(value).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("field " + field + " = '" + value + "' is not a whole number of units");
        }
    }

    private Map<String, String> fields(String payload) {
        try {
            return json.readValue(payload, FIELDS);
        } catch (Exception unreadable) {
            throw new IllegalArgumentException("its stored payload is not a JSON object of fields");
        }
    }
}
