package io.cherrypick.flow.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.flow.RetryPolicy;
import io.cherrypick.flow.SchedulerRun;
import io.cherrypick.flow.stock.StockFlow.StockChannels;
import io.cherrypick.peoplevox.PeoplevoxDates;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.InboxEvent;
import io.cherrypick.store.InboxStore;
import io.cherrypick.store.NewException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Turns the stock flow's inbox (Peoplevox events stored by the webhook before it answered) into stock levels:
 * <ul>
 * <li>{@code AvailabilityChanges}: an observation of the SKU at the site at the event's {@code LastModificationTime}
 * (the receipt time when Peoplevox sends none). Of the events of one SKU and site in a run only the newest is applied,
 * and it is stored only if newer than the stored level, so a late, older event changes nothing. A stored change makes
 * a push to each channel due at the end of the coalescing window, counted from when the first event arrived.</li>
 * <li>{@code IncrementalChanges}: on hand moved; the level is read again from Peoplevox (stock-refresh) unless an
 * availability event brings it.</li>
 * <li>an event for a SKU neither Blue Cherry's catalogue nor Cherrypick's item list knows becomes a {@code SKU_MISMATCH}
 * exception holding the event; an unreadable one a {@code MALFORMED_EVENT} exception.</li>
 * </ul>
 * Levels, due pushes, refresh requests and the inbox status change in one transaction.
 */
@Component("stockInbox")
public class StockInbox {
    private static final Logger log = LoggerFactory.getLogger(StockInbox.class);
    private static final int MAX_ATTEMPTS = 10;
    private static final java.time.Duration RETRY_BACKOFF = java.time.Duration.ofSeconds(30);
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final InboxStore inbox;
    private final StockLevels levels;
    private final BlueCherrySkus skus;
    private final StockChannels channels;
    private final ExceptionStore exceptions;
    private final StockProperties props;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final String instanceId;

    public StockInbox(InboxStore inbox, StockLevels levels, BlueCherrySkus skus, StockChannels channels,
                      ExceptionStore exceptions, StockProperties props, TransactionTemplate tx, ObjectMapper json,
                      MeterRegistry meters, @Value("${cherrypick.instance-id}") String instanceId) {
        this.inbox = inbox;
        this.levels = levels;
        this.skus = skus;
        this.channels = channels;
        this.exceptions = exceptions;
        this.props = props;
        this.tx = tx;
        this.json = json;
        this.meters = meters;
        this.instanceId = instanceId;
    }

    /** An event read: its observation (AvailabilityChanges) or the refresh it asks for (IncrementalChanges). */
    private record Read(InboxEvent event, SkuSite key, StockObservation observation, Instant refreshSince) {
    }

    /** One run: claims due events and settles each. Returns how many were claimed. */
    public int process(Exchange exchange) {
        List<InboxEvent> events = inbox.claim(StockFlow.FLOW, instanceId, props.claimSize(), props.staleClaimAfter());
        if (events.isEmpty()) {
            return SchedulerRun.nothingPolled(exchange);
        }
        List<Read> reads = new ArrayList<>();
        for (InboxEvent event : events) {
            try {
                reads.add(read(event));
            } catch (IllegalArgumentException malformed) {
                fail(event, event.eventKey(), Category.MALFORMED_EVENT, "Peoplevox event " + event.eventType() + " (inbox "
                        + event.id() + ") cannot be used: " + malformed.getMessage());
            }
        }
        Set<String> codes = new LinkedHashSet<>();
        reads.forEach(r -> codes.add(r.key().itemCode()));
        Set<String> unknown;
        Set<String> unsure = Set.of();
        try {
            unknown = skus.unknown(codes);
        } catch (ApiException blueCherryDown) {
            // codes Cherrypick does not hold wait for Blue Cherry; the others go on
            unknown = Set.of();
            unsure = skus.unknownHere(codes);
            log.warn("Blue Cherry's styles could not be read to look up {} item code(s); their events wait: {}",
                    unsure.size(), blueCherryDown.getMessage());
        }

        // sorted: levels are locked in SKU and site order everywhere
        Map<SkuSite, Read> newest = new TreeMap<>();
        Map<SkuSite, Instant> firstReceived = new HashMap<>();
        Map<SkuSite, Instant> refreshes = new TreeMap<>();
        List<Long> done = new ArrayList<>();
        for (Read r : reads) {
            if (unsure.contains(r.key().itemCode())) {
                retryLater(r.event(), "Blue Cherry's styles could not be read to look up item " + r.key().itemCode());
                continue;
            }
            if (unknown.contains(r.key().itemCode())) {
                fail(r.event(), r.key().itemCode(), Category.SKU_MISMATCH, "Peoplevox reports stock of item "
                        + r.key().itemCode() + " at site " + r.key().site() + " (" + r.event().eventType() + ", inbox "
                        + r.event().id() + "), but neither Blue Cherry's styles nor Cherrypick's item list know ItemCode "
                        + r.key().itemCode() + "; its level goes nowhere until the item is known (the reconciliation"
                        + " picks it up then)");
                continue;
            }
            done.add(r.event().id());
            if (r.observation() == null) {
                refreshes.merge(r.key(), r.refreshSince(), (a, b) -> a.isAfter(b) ? a : b);
                continue;
            }
            firstReceived.merge(r.key(), r.event().receivedAt(), (a, b) -> a.isBefore(b) ? a : b);
            newest.merge(r.key(), r, (a, b) -> b.observation().newerThan(a.observation().observedAt(), a.observation().seq())
                    ? b : a);
        }
        int[] stored = {0};
        tx.executeWithoutResult(status -> {
            for (Map.Entry<SkuSite, Read> e : newest.entrySet()) {
                StockObservation o = e.getValue().observation();
                Instant due = firstReceived.get(e.getKey()).plus(props.channelWindow());
                if (levels.observe(o, channels.names(), due)) {
                    stored[0]++;
                }
                if (o.onHand() == null) {
                    levels.requestRefresh(e.getKey(), o.observedAt());
                }
            }
            refreshes.forEach(levels::requestRefresh);
            inbox.markDone(done);
        });
        meters.counter("cherrypick.stock.events").increment(done.size());
        meters.counter("cherrypick.stock.levels.stored").increment(stored[0]);
        if (log.isDebugEnabled()) {
            log.debug("stock inbox: {} event(s), {} level(s) stored, {} refresh(es) requested", events.size(), stored[0],
                    refreshes.size());
        }
        return events.size();
    }

    private Read read(InboxEvent event) {
        Map<String, String> f = fields(event);
        if (StockFlow.INCREMENTAL_CHANGES.equals(event.eventType())) {
            SkuSite key = new SkuSite(required(f, "ItemType.ItemCode"), site(f));
            Instant since = PeoplevoxDates.parseInstant(f.get("UpdateTimestamp")).orElse(event.receivedAt());
            return new Read(event, key, null, since);
        }
        SkuSite key = new SkuSite(required(f, "ItemCode"), site(f));
        Instant at = PeoplevoxDates.parseInstant(f.get("LastModificationTime")).orElse(event.receivedAt());
        StockObservation o = new StockObservation(key.itemCode(), key.site(), quantity(f, "Available"),
                optionalQuantity(f, "OnHand"), optionalQuantity(f, "Allocated"), at, event.id(), StockObservation.EVENT);
        return new Read(event, key, o, null);
    }

    private String site(Map<String, String> f) {
        String site = f.getOrDefault("SiteReference", "").trim();
        return site.isEmpty() ? props.defaultSite() : site;
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

    /** An event that cannot be settled yet waits with backoff; after {@link #MAX_ATTEMPTS} it becomes an exception. */
    private void retryLater(InboxEvent event, String reason) {
        int attempts = event.attempts() + 1;
        RetryPolicy policy = new RetryPolicy(MAX_ATTEMPTS, RETRY_BACKOFF);
        if (policy.exhausted(attempts)) {
            fail(event, event.eventKey(), Category.API_ERROR, reason + "; gave up on Peoplevox event " + event.eventType()
                    + " (inbox " + event.id() + ") after " + attempts + " attempts");
            return;
        }
        inbox.retryLater(event.id(), attempts, policy.nextAttempt(attempts, Instant.now()), reason);
    }

    private void fail(InboxEvent event, String key, Category category, String message) {
        tx.executeWithoutResult(status -> {
            inbox.markFailed(event.id(), event.attempts() + 1, message);
            exceptions.record(NewException.of(StockFlow.FLOW, StockFlow.INBOX_ROUTE, key, category, message,
                    event.payload(), null));
        });
        log.warn("{}", message);
    }

    private Map<String, String> fields(InboxEvent event) {
        try {
            return json.readValue(event.payload(), FIELDS);
        } catch (Exception unreadable) {
            throw new IllegalArgumentException("its stored payload is not a JSON object of fields");
        }
    }
}
