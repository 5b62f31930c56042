package io.cherrypick.flow.item;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.cherrypick.bluecherry.model.StyleSku;
import io.cherrypick.catalog.PeoplevoxItemCatalog;
import io.cherrypick.catalog.PeoplevoxItemCatalog.KnownItem;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.mapping.Mappings;
import io.cherrypick.peoplevox.events.Hashing;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.SyncedItemStore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What Peoplevox was last sent, per item (bean {@code sentItems} in routes/): only SKUs whose mapped row changed are
 * sent. A row's fingerprint (SHA-256) is remembered in pvx_item once Peoplevox took it (with the SKU and the row in
 * item_sku, for the drift check and the duplicate checks); a SKU whose row has the remembered fingerprint is already
 * in Peoplevox as it is. Item saves are upserts by ItemCode, so a row sent again after a crash does no harm.
 */
@Component("sentItems")
public class SentItems {
    /** Header of a style message: SHA-256 of what its mapping reads of each of its SKUs, and of the mapping. */
    public static final String STYLE_FINGERPRINT = "CherrypickStyleFingerprint";
    private static final Logger log = LoggerFactory.getLogger(SentItems.class);

    private final PeoplevoxItemCatalog catalog;
    private final SyncedItemStore synced;
    private final ExceptionStore exceptions;
    private final Mappings mappings;
    /** SKUs sent, and SKUs left out because Peoplevox already has their row (metric cherrypick_items_total). */
    private final Counter sent;
    private final Counter unchanged;

    public SentItems(PeoplevoxItemCatalog catalog, SyncedItemStore synced, ExceptionStore exceptions, Mappings mappings,
                     MeterRegistry meters) {
        this.sent = meters.counter("cherrypick.items", "outcome", "sent");
        this.unchanged = meters.counter("cherrypick.items", "outcome", "unchanged");
        this.catalog = catalog;
        this.synced = synced;
        this.exceptions = exceptions;
        this.mappings = mappings;
    }

    /**
     * Route step over the batch's styles, each expanded into its SKUs (body: a list of style messages, each body the
     * style's {@link StyleSku}s), before any SKU is mapped. A style is left out, its body emptied (none of its SKUs
     * mapped, checked or compared; the style is settled with the others), when all three hold:
     * <ul>
     * <li>what the mapping reads of its SKUs ({@link Mappings#input}: not last_mod or row keys unless the mapping names
     * them) and the mapping itself ({@link Mappings#fingerprint}) are as they were when the style was marked as gone
     * through whole ({@link #rememberStyles}), and it has as many SKUs;</li>
     * <li>no SKU of it was sent since (a send unmarks the style: {@link #remember});</li>
     * <li>each of its ItemCodes is known to Peoplevox with the row sent (pvx_item; clearing those fingerprints makes
     * every style go again).</li>
     * </ul>
     * Each style gets header CherrypickStyleFingerprint. A mapping that reads headers, lookups or children leaves out
     * nothing.
     */
    @SuppressWarnings("unchecked")
    public void leaveOutUnchangedStyles(Exchange exchange, String mapping) {
        Optional<String> mappingFingerprint = mappings.fingerprint(mapping);
        if (mappingFingerprint.isEmpty()) {
            return;
        }
        Map<String, List<StyleSku>> skusByStyle = new HashMap<>();
        Map<String, Message> messages = new HashMap<>();
        for (Message style : (List<Message>) exchange.getIn().getBody(List.class)) {
            if (style.getBody() instanceof List<?> body && !body.isEmpty() && body.get(0) instanceof StyleSku first) {
                List<StyleSku> skus = (List<StyleSku>) body;
                try {
                    StringBuilder input = new StringBuilder(mappingFingerprint.get());
                    skus.forEach(sku -> input.append('|').append(mappings.input(mapping, sku)));
                    style.setHeader(STYLE_FINGERPRINT, Hashing.sha256Hex(input.toString()));
                    skusByStyle.put(first.styleCode(), skus);
                    messages.put(first.styleCode(), style);
                } catch (RuntimeException unreadable) {
                    // not left out, not marked: the SKU steps map it and name what is wrong
                    log.debug("style {} not fingerprinted: {}", first.styleCode(), unreadable.toString());
                }
            }
        }
        Map<String, SyncedItemStore.StyleMark> marks = synced.styleMarks(skusByStyle.keySet());
        Map<String, List<String>> codesByStyle = new HashMap<>();
        marks.forEach((style, mark) -> {
            if (mark.fingerprint().equals(messages.get(style).getHeader(STYLE_FINGERPRINT, String.class))
                    && mark.skus() == skusByStyle.get(style).size()) {
                try {
                    codesByStyle.put(style, skusByStyle.get(style).stream()
                            .map(sku -> mappings.value(mapping, "item", "ItemCode", sku)).toList());
                } catch (RuntimeException unreadable) {
                    log.debug("style {}: ItemCodes not read, mapped in full: {}", style, unreadable.toString());
                }
            }
        });
        Map<String, KnownItem> known = catalog.findByCode(codesByStyle.values().stream().flatMap(List::stream).toList());
        int leftOut = 0;
        for (Map.Entry<String, List<String>> style : codesByStyle.entrySet()) {
            boolean allSent = style.getValue().stream().allMatch(code -> known.containsKey(code)
                    && known.get(code).fingerprint() != null);
            if (allSent) {
                leftOut += style.getValue().size();
                messages.get(style.getKey()).setBody(List.of());
            }
        }
        unchanged.increment(leftOut);
        if (leftOut > 0) {
            log.debug("{} SKU(s) left out with their styles, as they were when all of each went through", leftOut);
        }
    }

    /**
     * Route step over the styles that went through whole (body, from itemBatch.stylesGoneThrough): each that was mapped
     * is marked with its fingerprint ({@link #leaveOutUnchangedStyles}), so the next pull of it as it is leaves it out.
     */
    public void rememberStyles(List<Message> styles) {
        Map<String, SyncedItemStore.StyleMark> marks = new HashMap<>();
        for (Message style : styles) {
            String fingerprint = style.getHeader(STYLE_FINGERPRINT, String.class);
            if (fingerprint != null && style.getBody() instanceof List<?> skus && !skus.isEmpty()
                    && skus.get(0) instanceof StyleSku first) {
                marks.put(first.styleCode(), new SyncedItemStore.StyleMark(fingerprint, skus.size()));
            }
        }
        synced.markStyles(marks);
    }

    /**
     * Route step over the batch's checked SKUs (a list of messages, each a mapped row): each gets its fingerprint
     * (header CherrypickFingerprint), and those whose fingerprint is the one remembered for their ItemCode are left out
     * (one lookup for the batch).
     */
    @SuppressWarnings("unchecked")
    public void changedOnly(Exchange exchange) {
        List<Message> skus = exchange.getIn().getBody(List.class);
        List<String> codes = new ArrayList<>(skus.size());
        for (Message m : skus) {
            Map<String, String> row = ItemBatch.row(m);
            m.setHeader(ItemBatch.FINGERPRINT, fingerprint(row));
            codes.add(row.getOrDefault("ItemCode", ""));
        }
        Map<String, KnownItem> known = catalog.findByCode(codes);
        List<Message> changed = new ArrayList<>(skus.size());
        for (Message m : skus) {
            KnownItem k = known.get(ItemBatch.row(m).getOrDefault("ItemCode", ""));
            if (k == null || !m.getHeader(ItemBatch.FINGERPRINT, String.class).equals(k.fingerprint())) {
                // a SKU Peoplevox has no row of yet is remembered with an insert first (ItemBatch.NEW)
                m.setHeader(ItemBatch.NEW, k == null);
                changed.add(m);
            }
        }
        unchanged.increment(skus.size() - changed.size());
        exchange.getIn().setBody(changed);
    }

    /**
     * Route step over the SKUs Peoplevox took (run in the route's database transaction): each remembered (pvx_item
     * fingerprint, item_sku row) and the open exceptions under its ItemCode closed, except those this run raised (a
     * SKU of another style held for claiming the same ItemCode or barcode).
     */
    @SuppressWarnings("unchecked")
    public void remember(Exchange exchange) {
        List<Message> saved = exchange.getIn().getBody(List.class);
        Instant runStarted = Instant.ofEpochMilli(exchange.getClock().getCreated());
        Map<String, List<String>> codesByFlow = new LinkedHashMap<>();
        List<KnownItem> known = new ArrayList<>();
        List<KnownItem> fresh = new ArrayList<>();
        List<SyncedItemStore.Synced> skus = new ArrayList<>();
        List<SyncedItemStore.Synced> freshSkus = new ArrayList<>();
        for (Message m : saved) {
            Map<String, String> row = ItemBatch.row(m);
            String code = row.getOrDefault("ItemCode", "");
            String barcode = row.getOrDefault("Barcode", "");
            boolean isNew = Boolean.TRUE.equals(m.getHeader(ItemBatch.NEW, Boolean.class));
            (isNew ? fresh : known).add(new KnownItem(code, barcode, m.getHeader(ItemBatch.FINGERPRINT, String.class), "SYNC"));
            (isNew ? freshSkus : skus).add(new SyncedItemStore.Synced(code, ItemBatch.sku(m), barcode,
                    m.getHeader(Handoff.REVISION, String.class), row));
            codesByFlow.computeIfAbsent(m.getHeader(Handoff.FLOW, String.class), f -> new ArrayList<>()).add(code);
        }
        catalog.rememberAll(known);
        catalog.rememberAllNew(fresh);
        synced.saveAll(skus);
        synced.saveAllNew(freshSkus);
        // a style with a SKU sent is marked again only once all of it went through (rememberStyles)
        synced.unmarkStyles(saved.stream().map(m -> ItemBatch.sku(m).styleCode()).toList());
        codesByFlow.forEach((flow, codes) -> exceptions.resolveOpenNotSeenSince(flow, codes, runStarted, "synced to Peoplevox"));
        sent.increment(saved.size());
        if (!saved.isEmpty()) {
            log.info("{} item(s) saved in Peoplevox", saved.size());
        }
    }

    /**
     * SHA-256 (hex) of the row, fields in row order, each name and value prefixed with its length so that no two
     * different rows read the same: equal rows, equal fingerprints.
     */
    public static String fingerprint(Map<String, String> row) {
        StringBuilder canonical = new StringBuilder();
        row.forEach((field, value) -> canonical.append(field.length()).append(':').append(field)
                .append(value.length()).append(':').append(value));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
