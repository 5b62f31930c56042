package io.cherrypick.flow.item;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.cherrypick.bluecherry.model.StyleSku;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.handoff.HandoffBatch;
import io.cherrypick.handoff.HandoffStore;

/**
 * The item sender's batch (bean {@code itemBatch} in routes/): the hand-off gives styles, Peoplevox takes SKUs. These
 * steps turn the claimed styles into one message per SKU, keep the SaveData calls full across runs, and give back the
 * styles that went through, to be settled.
 * <p>
 * A SKU's message carries its style's hand-off identity (record id, claim, revision), so a SKU that is held settles
 * its style HELD through the dead-letter route, and a SKU whose step fails has its style retried.
 */
@Component("itemBatch")
public class ItemBatch {
    /** Header: the Blue Cherry SKU a message stands for ({@link StyleSku}). */
    public static final String SKU = "CherrypickSku";
    /** Header: the words that name the SKU in exception messages: Style 01234 colour BLK size M (ItemCode ...). */
    public static final String LABEL = "CherrypickItemLabel";
    /** Header: SHA-256 of the SKU's mapped row ({@link SentItems#fingerprint}). */
    public static final String FINGERPRINT = "CherrypickFingerprint";
    /** Header: true when Peoplevox had no row of the SKU before this send ({@link SentItems#changedOnly}). */
    public static final String NEW = "CherrypickItemNew";
    /** Exchange property: the batch's styles (messages of their hand-off records), for the settlement at the end. */
    static final String STYLES = "CherrypickItemStyles";

    private static final Logger log = LoggerFactory.getLogger(ItemBatch.class);

    private final HandoffStore handoff;

    public ItemBatch(HandoffStore handoff) {
        this.handoff = handoff;
    }

    /**
     * Route step after each style was expanded (a list of style messages, each with its SKUs as the body): one message
     * per SKU, body and header {@link #SKU} the SKU, the other headers its style's. The styles are kept for
     * {@link #stylesGoneThrough}.
     */
    @SuppressWarnings("unchecked")
    public List<Message> skus(Exchange exchange) {
        List<Message> styles = exchange.getIn().getBody(List.class);
        exchange.setProperty(STYLES, List.copyOf(styles));
        List<Message> skus = new ArrayList<>();
        for (Message style : styles) {
            for (Object sku : style.getBody(List.class)) {
                Message m = new DefaultMessage(exchange.getContext());
                m.setHeaders(new HashMap<>(style.getHeaders()));
                m.setHeader(SKU, sku);
                m.setBody(sku);
                skus.add(m);
            }
        }
        return skus;
    }

    /**
     * Route step before the save (body: the SKUs to send): keeps every SaveData call full. Peoplevox takes up to
     * {@code rowsPerCall} rows a call, and the save cuts the rows of each field set into such calls, the last one
     * part-filled. When the run claimed a full batch ({@code stylesPerRun}: more styles are likely waiting) and at least
     * one call is full, the styles whose SKUs would make the part-filled calls go back to the queue unchanged (not a
     * failure, no attempt counted) and come first in the next run, which fills the call up; their SKUs already in a full
     * call are sent now and skipped next time by their fingerprint. A style already held (or failed) stays: its SKUs go
     * in the part-filled call.
     */
    @SuppressWarnings("unchecked")
    public void fullCallsOnly(Exchange exchange, int stylesPerRun, int rowsPerCall) {
        List<Message> skus = exchange.getIn().getBody(List.class);
        Integer claimed = exchange.getProperty(Exchange.BATCH_SIZE, Integer.class);
        if (claimed == null || claimed < stylesPerRun || skus.isEmpty()) {
            return;
        }
        Map<Set<String>, List<Message>> byFields = new LinkedHashMap<>(); // as peoplevox:save groups them
        skus.forEach(m -> byFields.computeIfAbsent(new HashSet<>(row(m).keySet()), k -> new ArrayList<>()).add(m));
        if (byFields.values().stream().noneMatch(group -> group.size() >= rowsPerCall)) {
            return;
        }
        List<Message> partFilled = new ArrayList<>();
        byFields.values().forEach(group -> partFilled.addAll(group.subList(group.size() - group.size() % rowsPerCall,
                group.size())));
        Set<Long> deferred = stillInPlay(exchange, partFilled);
        if (deferred.isEmpty()) {
            return;
        }
        handoff.release(deferred, claim(partFilled), "put back to fill the next run's first SaveData call (not a failure)");
        Set<Message> putBack = Collections.newSetFromMap(new IdentityHashMap<>());
        partFilled.stream().filter(m -> deferred.contains(recordId(m))).forEach(putBack::add);
        exchange.getIn().setBody(skus.stream().filter(m -> !putBack.contains(m)).toList());
        log.debug("{} style(s) put back to fill the next run's first SaveData call", deferred.size());
    }

    /**
     * Route step at the end (the body becomes the styles to settle DONE): the batch's styles still claimed by this run
     * with no failed step. A style one of whose SKUs was held was settled HELD by the dead-letter route already, a style
     * put back by {@link #fullCallsOnly} is queued again, and a style whose step failed is retried by the consumer.
     */
    @SuppressWarnings("unchecked")
    public List<Message> stylesGoneThrough(Exchange exchange) {
        List<Message> styles = exchange.getProperty(STYLES, List.class);
        if (styles == null || styles.isEmpty()) {
            return List.of();
        }
        Set<Long> inPlay = stillInPlay(exchange, styles);
        return styles.stream().filter(m -> inPlay.contains(recordId(m))).toList();
    }

    /** Of the records these messages stand for, those this run still holds and whose steps did not fail. */
    private Set<Long> stillInPlay(Exchange exchange, List<Message> messages) {
        if (messages.isEmpty()) {
            return Set.of();
        }
        Set<Long> ids = new LinkedHashSet<>();
        messages.forEach(m -> ids.add(recordId(m)));
        Set<Long> inPlay = new LinkedHashSet<>(handoff.stillClaimed(ids, claim(messages)));
        HandoffBatch batch = exchange.getProperty(HandoffBatch.PROPERTY, HandoffBatch.class);
        if (batch != null) {
            inPlay.removeIf(id -> batch.failureOf(id) != null);
        }
        return inPlay;
    }

    private static String claim(List<Message> messages) {
        return messages.get(0).getHeader(Handoff.CLAIM, String.class);
    }

    private static Long recordId(Message m) {
        return m.getHeader(Handoff.RECORD_ID, Long.class);
    }

    /** The SKU's mapped row (the body once mapped). */
    @SuppressWarnings("unchecked")
    static Map<String, String> row(Message m) {
        Object body = m.getBody();
        if (!(body instanceof Map<?, ?> row)) {
            throw new IllegalStateException("SKU " + m.getHeader(Handoff.RECORD_KEY) + " has no mapped row (body "
                    + (body == null ? "empty" : body.getClass().getSimpleName()) + "); map it first (to: mapping:item)");
        }
        return (Map<String, String>) row;
    }

    /** The Blue Cherry SKU a message stands for. */
    static StyleSku sku(Message m) {
        return m.getHeader(SKU, StyleSku.class);
    }
}
