package io.cherrypick.flow.stock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cherrypick.bluecherry.BlueCherry;
import io.cherrypick.bluecherry.BlueCherryRejection;
import io.cherrypick.catalog.BlueCherrySkus;
import io.cherrypick.catalog.BlueCherrySkus.SkuTuple;
import io.cherrypick.failure.Category;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.peoplevox.Peoplevox;
import io.cherrypick.simulator.bluecherry.model.Stock;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.SiteLocations;
import io.cherrypick.store.SkuSite;
import io.cherrypick.store.StockLevel;
import io.cherrypick.store.StockLevels;
import io.cherrypick.store.Timestamps;
import io.cherrypick.store.ValueMappingStore;

/**
 * The steps that tell Blue Cherry the quantity on hand per SKU and location (bean {@code stockOverlay}, routes
 * stock-overlay and stock-post-inventory): {@code POST /api/PhysicalInventoryTM} (PIX 605/00, {@code size_adj} A: an
 * overlay that sets the quantity, zeros included), up to {@code blueCherryBatchSize} rows per POST.
 * <ul>
 * <li>{@link #rows}: each level becomes a row; site → location is the order flow's {@code site} mapping read backwards,
 * the SKU tuple comes from {@link BlueCherrySkus}. A site without exactly one location ({@code site:<site>},
 * MISSING_WAREHOUSE, one per site) or an item without a Blue Cherry SKU ({@code sku:<item>}, SKU_MISMATCH) is held
 * with an exception; a row Blue Cherry refused is not sent again (header {@code StockOverlay} CHANGED) until it
 * changes.</li>
 * <li>{@link #document}: each POST gets a unique {@code adj_num} ({@code adjPrefix} + the id of its row in
 * {@code stock_bc_post});</li>
 * <li>{@link #accepted}: the levels are marked told and the exceptions the acceptance settles are resolved;</li>
 * <li>{@link #refused}: Blue Cherry checks every row first, so a refused POST is halved until the refused rows stand
 * alone: each becomes a REJECTED exception with Blue Cherry's words and is not sent again until it changes (the
 * nightly full overlay tries once more);</li>
 * <li>{@link #failed}: a transient failure ends the run; the rows stay untold and go with the next run.</li>
 * </ul>
 */
@Component("stockOverlay")
public class StockOverlay {
    /** Header: CHANGED (the levels Blue Cherry was not told; a refused row waits for a change) or FULL. */
    static final String KIND = "StockOverlay";
    /** Exchange properties: the levels that cannot go (messages for the dead letters), the run's counts, one POST. */
    static final String HELD = "StockHeld";
    static final String SENT = "StockSent";
    static final String POST = "StockPost";
    private static final Logger log = LoggerFactory.getLogger(StockOverlay.class);
    /**
     * How long after a POST broke off Blue Cherry may still apply it (assumed: no source says; the simulator applies a
     * timed-out request 35 s after the caller gave up).
     */
    static final Duration LATE_APPLY = Duration.ofMinutes(5);

    private final StockLevels levels;
    private final BlueCherrySkus skus;
    private final ValueMappingStore mappings;
    private final ExceptionStore exceptions;
    private final NamedParameterJdbcTemplate jdbc;
    private final StockProperties props;
    private final ObjectMapper json;
    private final CamelContext camel;

    public StockOverlay(StockLevels levels, BlueCherrySkus skus, ValueMappingStore mappings, ExceptionStore exceptions,
                        NamedParameterJdbcTemplate jdbc, StockProperties props, ObjectMapper json, CamelContext camel) {
        this.levels = levels;
        this.skus = skus;
        this.mappings = mappings;
        this.exceptions = exceptions;
        this.jdbc = jdbc;
        this.props = props;
        this.json = json;
        this.camel = camel;
    }

    /** What a run sent. */
    public record Sent(String kind, int rows, int posts, int refused, int held) {
    }

    /** A run's counts, shared by the POSTs of the run (and their halves). */
    static final class Counts {
        final String kind;
        /** Before the run read the levels: when the run's exchange was created (the schedule fired). */
        final Instant readBefore;
        int rows;
        int posts;
        int refused;
        int held;

        Counts(String kind, Instant readBefore) {
            this.kind = kind;
            this.readBefore = readBefore;
        }
    }

    /** One POST: its row in {@code stock_bc_post}, its adj_num and rows. */
    record Post(long id, String adjNum, List<Row> rows) {
    }

    /** One PhysicalInventoryTM row: a level, where it goes, its SKU and quantity. */
    record Row(StockLevel level, String location, SkuTuple sku, int quantity) {
        /** What Blue Cherry is told; a refused row is not sent again while this stays the same. */
        String signature() {
            return sku.describe() + "|" + sku.upc() + "|" + location + "|" + quantity;
        }
    }

    /**
     * The levels (body) as rows in batches of {@code blueCherryBatchSize} (body: a list of batches); the levels that
     * cannot go are in property {@code StockHeld}, one message each for the dead letters.
     */
    @SuppressWarnings("unchecked")
    public List<List<Row>> rows(Exchange exchange) {
        List<StockLevel> candidates = exchange.getIn().getBody(List.class);
        String kind = exchange.getIn().getHeader(KIND, "CHANGED", String.class);
        Counts counts = new Counts(kind, Instant.ofEpochMilli(exchange.getClock().getCreated()));
        exchange.setProperty(SENT, counts);
        List<Message> held = new ArrayList<>();
        exchange.setProperty(HELD, held);
        List<Row> rows = new ArrayList<>();
        if (candidates == null || candidates.isEmpty()) {
            return List.of();
        }
        SiteLocations locations = new SiteLocations(mappings.all(ValueMappingStore.SITE));
        Set<String> codes = new LinkedHashSet<>();
        candidates.forEach(l -> codes.add(l.itemCode()));
        Map<String, SkuTuple> tuples = skus.tuples(codes);
        Map<String, Integer> unmappedSites = new TreeMap<>();
        for (StockLevel level : candidates) {
            String location = locations.locationOf(level.site()).orElse(null);
            SkuTuple sku = tuples.get(level.itemCode());
            if (location == null) {
                unmappedSites.merge(level.site(), 1, Integer::sum);
                counts.held++;
                continue;
            }
            if (sku == null) {
                held.add(problem("sku:" + level.itemCode(), Category.SKU_MISMATCH, "Stock of Peoplevox item "
                        + level.itemCode() + " at site " + level.site() + " (on hand " + level.onHand() + ") cannot go to"
                        + " Blue Cherry: no size row of Blue Cherry's styles gives ItemCode " + level.itemCode()
                        + " (style, color_code, size_desc and upc unknown)", null));
                counts.held++;
                continue;
            }
            if (level.onHand() < 0) {
                log.warn("Peoplevox on hand of {} at {} is {}; Blue Cherry is told 0", level.itemCode(), level.site(),
                        level.onHand());
            }
            Row row = new Row(level, location, sku, Math.max(0, level.onHand()));
            if ("CHANGED".equals(kind) && row.signature().equals(level.bcRefused())) {
                counts.held++;
                continue;
            }
            rows.add(row);
        }
        unmappedSites.forEach((site, count) -> held.add(problem("site:" + site, Category.MISSING_WAREHOUSE, "Stock of "
                + count + " SKU(s) at Peoplevox site " + site + " cannot go to Blue Cherry: " + locations.whyNoLocation(site),
                null)));
        List<List<Row>> batches = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += props.blueCherryBatchSize()) {
            batches.add(new ArrayList<>(rows.subList(i, Math.min(rows.size(), i + props.blueCherryBatchSize()))));
        }
        return batches;
    }

    /** The rows of one POST (body) as the PhysicalInventoryTM document, under an adj_num of its own. */
    @SuppressWarnings("unchecked")
    public ArrayNode document(Exchange exchange) {
        List<Row> rows = exchange.getIn().getBody(List.class);
        Counts counts = exchange.getProperty(SENT, Counts.class);
        long id = newPost(counts.kind, rows.size());
        String adjNum = props.adjPrefix() + String.format("%09d", id % 1_000_000_000L);
        counts.posts++;
        exchange.setProperty(POST, new Post(id, adjNum, rows));
        ArrayNode body = json.createArrayNode();
        rows.forEach(r -> body.add(toJson(r, adjNum)));
        return body;
    }

    /** Blue Cherry took the POST: its levels are told; the exceptions it settles are resolved. */
    public void accepted(Exchange exchange) {
        Post post = exchange.getProperty(POST, Post.class);
        List<Row> rows = post.rows();
        finishPost(post.id(), "ACCEPTED", exchange.getIn().getHeader(BlueCherry.PKEY, Long.class), null);
        Map<SkuSite, Integer> sent = new LinkedHashMap<>();
        rows.forEach(r -> sent.put(r.level().key(), r.quantity()));
        levels.markSentToBlueCherry(sent, exchange.getProperty(SENT, Counts.class).readBefore);
        exchange.getProperty(SENT, Counts.class).rows += rows.size();
        // a refused row (item@site), an item without a Blue Cherry SKU (sku:<item>) or unknown to Cherrypick (<item>),
        // a site without a location (site:<site>)
        Set<String> settled = new LinkedHashSet<>();
        rows.forEach(r -> {
            settled.add(r.level().key().toString());
            settled.add(r.level().itemCode());
            settled.add("sku:" + r.level().itemCode());
            settled.add("site:" + r.level().site());
        });
        exceptions.resolveOpen(StockFlow.FLOW, settled, "Blue Cherry accepted the stock (adj_num " + post.adjNum() + ")");
    }

    /**
     * Blue Cherry refused the POST: with one row, the row's exception (headers for the dead letters, the row as the
     * body; it is not sent again until it changes); with more, the body becomes the two halves to post again.
     */
    public Object refused(Exchange exchange) {
        BlueCherryRejection refused = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, BlueCherryRejection.class);
        Post post = exchange.getProperty(POST, Post.class);
        List<Row> rows = post.rows();
        String adjNum = post.adjNum();
        finishPost(post.id(), "REFUSED", null, String.join("; ", refused.messages()));
        if (rows.size() > 1) {
            int half = rows.size() / 2;
            return List.of(new ArrayList<>(rows.subList(0, half)), new ArrayList<>(rows.subList(half, rows.size())));
        }
        Row row = rows.get(0);
        StockLevel l = row.level();
        String message = "Blue Cherry refused the stock of Peoplevox item " + l.itemCode() + " at site " + l.site()
                + " (location " + row.location() + ", " + row.sku().describe() + ", upc_num " + row.sku().upc()
                + ", size_qty " + row.quantity() + ", adj_num " + adjNum + "): " + String.join("; ", refused.messages())
                + ". It is not sent again until the level or the SKU changes (the nightly full overlay tries once more).";
        levels.markRefusedByBlueCherry(l.key(), row.signature());
        exchange.getProperty(SENT, Counts.class).refused++;
        exchange.getIn().setHeader(Handoff.RECORD_KEY, l.key().toString());
        exchange.getIn().setHeader(Handoff.CATEGORY, Category.REJECTED.name());
        exchange.getIn().setHeader(Handoff.REASON, message);
        return toJson(row, adjNum).toString();
    }

    /**
     * The POST failed otherwise (timeout, 5xx): recorded, and the run ends with the failure. A POST that broke off may
     * still be applied by Blue Cherry, late and over a newer overlay: its levels go with every overlay until
     * {@link #LATE_APPLY} after the failure.
     */
    public void failed(Exchange exchange) throws Exception {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Post post = exchange.getProperty(POST, Post.class);
        finishPost(post == null ? null : post.id(), "FAILED", null, cause == null ? null : cause.getMessage());
        if (post != null) {
            levels.overlayMayLandLate(post.rows().stream().map(r -> r.level().key()).toList(),
                    Instant.now().plus(LATE_APPLY));
        }
        throw cause == null ? new IllegalStateException("PhysicalInventoryTM POST failed") : cause;
    }

    /** What the run sent. */
    public Sent sent(Exchange exchange) {
        Counts c = exchange.getProperty(SENT, Counts.class);
        Sent sent = new Sent(c.kind, c.rows, c.posts, c.refused, c.held);
        if (c.posts > 0 || c.held > 0) {
            log.info("PhysicalInventoryTM ({}): {} row(s) in {} POST(s), {} refused, {} held", c.kind, c.rows, c.posts,
                    c.refused, c.held);
        }
        return sent;
    }

    private Message problem(String key, Category category, String reason, String payload) {
        Message m = new DefaultMessage(camel);
        m.setHeader(Handoff.RECORD_KEY, key);
        m.setHeader(Handoff.CATEGORY, category.name());
        m.setHeader(Handoff.REASON, reason);
        m.setBody(payload);
        return m;
    }

    private ObjectNode toJson(Row r, String adjNum) {
        SkuTuple s = r.sku();
        ObjectNode o = json.createObjectNode();
        o.put("adj_num", adjNum);
        o.put("style", s.style());
        o.put("color_code", s.colorCode());
        o.put("lbl_code", s.lblCode());
        o.put("dimension", s.dimension());
        o.put("size_desc", s.sizeDesc());
        o.put("upc_num", s.upc());
        if (!s.ean().isEmpty()) {
            o.put("ean", s.ean());
        }
        o.put("size_qty", r.quantity());
        o.put("location", r.location());
        o.put("pix_type", "605");
        o.put("pix_code", "00");
        o.put("size_adj", "A");
        o.put("receipt_date", LocalDate.now(ZoneOffset.UTC).toString());
        if (!s.division().isEmpty()) {
            o.put("division", s.division());
        }
        if (!s.season().isEmpty()) {
            o.put("season", s.season());
        }
        return o;
    }

    private long newPost(String kind, int rows) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("insert into stock_bc_post (kind, rows_sent, status, created_at) values (:kind, :rows, 'SENDING', :now)",
                new MapSqlParameterSource().addValue("kind", kind).addValue("rows", rows).addValue("now", Timestamps.now()),
                keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    private void finishPost(Long id, String status, Long pkey, String error) {
        if (id == null) {
            return;
        }
        jdbc.update("update stock_bc_post set status = :status, pkey = :pkey, error = :error, finished_at = :now where id = :id",
                new MapSqlParameterSource().addValue("status", status).addValue("pkey", pkey)
                        .addValue("error", error == null || error.length() <= 4000 ? error : error.substring(0, 3997) + "...")
                        .addValue("now", Timestamps.now()).addValue("id", id));
    }
}
