package io.cherrypick.flow.stock;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cherrypick.bluecherry.BlueCherryClient;
import io.cherrypick.bluecherry.BlueCherryRejection;
import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.flow.stock.BlueCherrySkus.SkuTuple;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.NewException;
import io.cherrypick.store.Timestamps;
import io.cherrypick.store.ValueMappingStore;

/**
 * Tells Blue Cherry the quantity on hand per SKU and location with {@code POST /api/PhysicalInventoryTM} (PIX 605/00,
 * {@code size_adj} A: an overlay that sets the quantity, zeros included), many rows per POST ({@code blueCherryBatchSize}).
 * <ul>
 * <li>{@link #sendChanged} (every 15 minutes): the levels whose on hand differs from what Blue Cherry was last told;</li>
 * <li>{@link #sendAll} (nightly, after a full reconciliation): every level.</li>
 * </ul>
 * Each POST gets a unique {@code adj_num} ({@code adjPrefix} + the id of its row in {@code stock_bc_post}). Site →
 * location is the order flow's {@code site} mapping read backwards; the SKU tuple comes from {@link BlueCherrySkus}.
 * Levels without either are held with an exception naming the site or the item. When Blue Cherry refuses a POST (it
 * checks every row first), the batch is halved until the refused rows stand alone: each becomes a {@code REJECTED}
 * exception with Blue Cherry's words and is not sent again until it changes (the nightly overlay tries once more).
 * A transient failure ends the run; the rows stay unsent and go with the next run.
 */
@Component("stockToBlueCherry")
public class BlueCherryStockSender {
    public static final String CHANGED = "CHANGED";
    public static final String FULL = "FULL";
    private static final Logger log = LoggerFactory.getLogger(BlueCherryStockSender.class);

    private final StockLevels levels;
    private final BlueCherrySkus skus;
    private final ValueMappingStore mappings;
    private final BlueCherryClient blueCherry;
    private final ExceptionStore exceptions;
    private final NamedParameterJdbcTemplate jdbc;
    private final StockProperties props;
    private final ObjectMapper json;

    public BlueCherryStockSender(StockLevels levels, BlueCherrySkus skus, ValueMappingStore mappings,
                                 BlueCherryClient blueCherry, ExceptionStore exceptions, NamedParameterJdbcTemplate jdbc,
                                 StockProperties props, ObjectMapper json) {
        this.levels = levels;
        this.skus = skus;
        this.mappings = mappings;
        this.blueCherry = blueCherry;
        this.exceptions = exceptions;
        this.jdbc = jdbc;
        this.props = props;
        this.json = json;
    }

    /** What a run sent. */
    public record Sent(String kind, int rows, int posts, int refused, int held) {
    }

    /** One PhysicalInventoryTM row: a level, where it goes, its SKU and quantity. */
    record Row(StockLevel level, String location, SkuTuple sku, int quantity) {
        /** What Blue Cherry is told; a refused row is not sent again while this stays the same. */
        String signature() {
            return sku.describe() + "|" + sku.upc() + "|" + location + "|" + quantity;
        }
    }

    /** The levels Blue Cherry has not been told yet. */
    public Sent sendChanged() {
        return send(levels.changedForBlueCherry(), CHANGED);
    }

    /** Every level (the nightly full overlay). */
    public Sent sendAll() {
        return send(levels.all().stream().filter(l -> l.onHand() != null).toList(), FULL);
    }

    private Sent send(List<StockLevel> candidates, String kind) {
        if (candidates.isEmpty()) {
            return new Sent(kind, 0, 0, 0, 0);
        }
        SiteLocations locations = new SiteLocations(mappings.all(ValueMappingStore.SITE));
        Set<String> codes = new LinkedHashSet<>();
        candidates.forEach(l -> codes.add(l.itemCode()));
        Map<String, SkuTuple> tuples = skus.tuples(codes);
        Map<String, Integer> unmappedSites = new TreeMap<>();
        List<Row> rows = new ArrayList<>();
        int held = 0;
        for (StockLevel level : candidates) {
            String location = locations.locationOf(level.site()).orElse(null);
            SkuTuple sku = tuples.get(level.itemCode());
            if (location == null) {
                unmappedSites.merge(level.site(), 1, Integer::sum);
                held++;
                continue;
            }
            if (sku == null) {
                noSku(level);
                held++;
                continue;
            }
            if (level.onHand() < 0) {
                log.warn("Peoplevox on hand of {} at {} is {}; Blue Cherry is told 0", level.itemCode(), level.site(),
                        level.onHand());
            }
            Row row = new Row(level, location, sku, Math.max(0, level.onHand()));
            if (CHANGED.equals(kind) && row.signature().equals(level.bcRefused())) {
                held++;
                continue;
            }
            rows.add(row);
        }
        unmappedSites.forEach((site, count) -> exceptions.record(NewException.of(StockFlow.FLOW, StockFlow.BLUE_CHERRY_ROUTE,
                "site:" + site, Category.MISSING_WAREHOUSE, "Stock of " + count + " SKU(s) at Peoplevox site " + site
                        + " cannot go to Blue Cherry: " + locations.whyNoLocation(site), null, null)));
        int[] outcome = {0, 0};
        for (int i = 0; i < rows.size(); i += props.blueCherryBatchSize()) {
            post(rows.subList(i, Math.min(rows.size(), i + props.blueCherryBatchSize())), kind, outcome);
        }
        Sent sent = new Sent(kind, rows.size() - outcome[1], outcome[0], outcome[1], held);
        if (!rows.isEmpty() || held > 0) {
            log.info("PhysicalInventoryTM ({}): {} row(s) in {} POST(s), {} refused, {} held", kind, sent.rows(), sent.posts(),
                    sent.refused(), held);
        }
        return sent;
    }

    /** Posts rows; a refused POST is halved until the refused rows stand alone. outcome = {posts, refused rows}. */
    private void post(List<Row> rows, String kind, int[] outcome) {
        long id = newPost(kind, rows.size());
        String adjNum = props.adjPrefix() + String.format("%09d", id % 1_000_000_000L);
        ArrayNode body = json.createArrayNode();
        rows.forEach(r -> body.add(toJson(r, adjNum)));
        outcome[0]++;
        try {
            long pkey = blueCherry.post("PhysicalInventoryTM", body);
            finishPost(id, "ACCEPTED", pkey, null);
            Map<SkuSite, Integer> sent = new LinkedHashMap<>();
            rows.forEach(r -> sent.put(r.level().key(), r.quantity()));
            levels.markSentToBlueCherry(sent);
            resolveAccepted(rows, adjNum);
        } catch (BlueCherryRejection refused) {
            finishPost(id, "REFUSED", null, String.join("; ", refused.messages()));
            if (rows.size() == 1) {
                refused(rows.get(0), adjNum, refused);
                outcome[1]++;
                return;
            }
            int half = rows.size() / 2;
            post(rows.subList(0, half), kind, outcome);
            post(rows.subList(half, rows.size()), kind, outcome);
        } catch (ApiException failed) {
            finishPost(id, "FAILED", null, failed.getMessage());
            throw failed;
        }
    }

    /**
     * Closes the open exceptions Blue Cherry's acceptance settles: a refused row ({@code item@site}), an item without
     * a Blue Cherry SKU ({@code sku:<item>}) or unknown to Cherrypick ({@code <item>}), a site without a location
     * ({@code site:<site>}).
     */
    private void resolveAccepted(List<Row> rows, String adjNum) {
        Set<String> settled = new HashSet<>();
        rows.forEach(r -> {
            settled.add(r.level().key().toString());
            settled.add(r.level().itemCode());
            settled.add("sku:" + r.level().itemCode());
            settled.add("site:" + r.level().site());
        });
        Set<String> open = new HashSet<>();
        for (ExceptionRecord e : exceptions.list(ExceptionRecord.OPEN, null, StockFlow.FLOW, null, 10_000)) {
            if (settled.contains(e.businessKey())) {
                open.add(e.businessKey());
            }
        }
        exceptions.resolveOpen(StockFlow.FLOW, open, "Blue Cherry accepted the stock (adj_num " + adjNum + ")");
    }

    private void refused(Row row, String adjNum, BlueCherryRejection refused) {
        StockLevel l = row.level();
        String message = "Blue Cherry refused the stock of Peoplevox item " + l.itemCode() + " at site " + l.site()
                + " (location " + row.location() + ", " + row.sku().describe() + ", upc_num " + row.sku().upc()
                + ", size_qty " + row.quantity() + ", adj_num " + adjNum + "): " + String.join("; ", refused.messages())
                + ". It is not sent again until the level or the SKU changes (the nightly full overlay tries once more).";
        exceptions.record(NewException.of(StockFlow.FLOW, StockFlow.BLUE_CHERRY_ROUTE, l.key().toString(), Category.REJECTED,
                message, toJson(row, adjNum).toString(), null));
        levels.markRefusedByBlueCherry(l.key(), row.signature());
        log.warn("{}", message);
    }

    private void noSku(StockLevel l) {
        exceptions.record(NewException.of(StockFlow.FLOW, StockFlow.BLUE_CHERRY_ROUTE, "sku:" + l.itemCode(),
                Category.SKU_MISMATCH,
                "Stock of Peoplevox item " + l.itemCode() + " at site " + l.site() + " (on hand " + l.onHand()
                        + ") cannot go to Blue Cherry: no size row of Blue Cherry's styles gives ItemCode " + l.itemCode()
                        + " (style, color_code, size_desc and upc unknown)", null, null));
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

    private void finishPost(long id, String status, Long pkey, String error) {
        jdbc.update("update stock_bc_post set status = :status, pkey = :pkey, error = :error, finished_at = :now where id = :id",
                new MapSqlParameterSource().addValue("status", status).addValue("pkey", pkey)
                        .addValue("error", error == null || error.length() <= 4000 ? error : error.substring(0, 3997) + "...").addValue("now", Timestamps.now()).addValue("id", id));
    }
}
