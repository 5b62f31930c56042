package io.cherrypick.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.bluecherry.BlueCherryClient;
import io.cherrypick.catalog.ItemCodes;
import io.cherrypick.flow.stock.StockProperties;
import io.cherrypick.store.SyncCursorStore;
import io.cherrypick.store.SyncCursorStore.Cursor;
import io.cherrypick.store.Timestamps;

/**
 * The one place the stock flow learns Blue Cherry's SKU (style, colour, label, dimension, size, UPC) for a Peoplevox
 * ItemCode, kept in table {@code bc_sku}. Codes it does not hold are looked for in Blue Cherry's style API: styles
 * changed since the last read ({@code last_mod ge} a cursor; the first read takes every style), every size row turned
 * into its ItemCode by {@link ItemCodes}. That read happens at most once per {@code skuRefreshEvery}. What the item
 * master flow synced ({@code item_sku}) serves too when its barcode is a UPC; the item flow can also feed the table
 * directly with {@link #remember}.
 * <p>
 * A SKU is <em>known</em> when Blue Cherry's catalogue has it ({@code bc_sku}) or Cherrypick knows it exists in
 * Peoplevox as an item synced from Blue Cherry ({@code pvx_item}).
 */
@Component
public class BlueCherrySkus {
    static final String CURSOR = "stock-bc-styles";
    private static final Logger log = LoggerFactory.getLogger(BlueCherrySkus.class);
    private static final int IN_LIST = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final BlueCherryClient blueCherry;
    private final ItemCodes itemCodes;
    private final SyncCursorStore cursors;
    private final StockProperties props;
    private volatile Instant lastRead = Instant.EPOCH;

    public BlueCherrySkus(NamedParameterJdbcTemplate jdbc, BlueCherryClient blueCherry, ItemCodes itemCodes,
                          SyncCursorStore cursors, StockProperties props) {
        this.jdbc = jdbc;
        this.blueCherry = blueCherry;
        this.itemCodes = itemCodes;
        this.cursors = cursors;
        this.props = props;
    }

    /** Blue Cherry's SKU behind a Peoplevox ItemCode. */
    public record SkuTuple(String itemCode, String style, String colorCode, String lblCode, String dimension,
                           String sizeDesc, String upc, String ean, String division, String season) {
        public String describe() {
            StringBuilder s = new StringBuilder("style ").append(style).append(" colour ").append(colorCode);
            if (!lblCode.isEmpty()) {
                s.append(" label ").append(lblCode);
            }
            if (!dimension.isEmpty()) {
                s.append(" dimension ").append(dimension);
            }
            return s.append(" size ").append(sizeDesc).toString();
        }
    }

    /**
     * The codes among {@code codes} that neither Blue Cherry's catalogue nor Cherrypick's item list knows (Blue Cherry's
     * styles are read first when some are missing and a read is due).
     */
    public Set<String> unknown(Collection<String> codes) {
        Set<String> unknown = unknownHere(codes);
        if (!unknown.isEmpty() && readBlueCherryIfDue()) {
            unknown.removeAll(select("select item_code from bc_sku where item_code in (:codes)", unknown));
        }
        return unknown;
    }

    /** As {@link #unknown} from what Cherrypick holds, without asking Blue Cherry. */
    public Set<String> unknownHere(Collection<String> codes) {
        Set<String> unknown = new LinkedHashSet<>(codes);
        unknown.removeAll(select("select item_code from pvx_item where item_code in (:codes)", unknown));
        unknown.removeAll(select("select item_code from bc_sku where item_code in (:codes)", unknown));
        return unknown;
    }

    /** Blue Cherry's SKU for each code that has one (Blue Cherry's styles are read when some are missing). */
    public Map<String, SkuTuple> tuples(Collection<String> codes) {
        Map<String, SkuTuple> found = read(codes);
        if (found.size() < new HashSet<>(codes).size() && readBlueCherryIfDue()) {
            found = read(codes);
        }
        return found;
    }

    /** Records Blue Cherry's SKU for an ItemCode (insert or replace). */
    public void remember(SkuTuple t, String source) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("code", t.itemCode()).addValue("style", t.style())
                .addValue("color", t.colorCode()).addValue("lbl", t.lblCode()).addValue("dim", t.dimension())
                .addValue("size", t.sizeDesc()).addValue("upc", t.upc()).addValue("ean", t.ean())
                .addValue("division", t.division()).addValue("season", t.season()).addValue("source", source)
                .addValue("now", Timestamps.now());
        String update = "update bc_sku set style = :style, color_code = :color, lbl_code = :lbl, dimension = :dim,"
                + " size_desc = :size, upc = :upc, ean = :ean, division = :division, season = :season, source = :source,"
                + " updated_at = :now where item_code = :code";
        if (jdbc.update(update, p) == 0 && jdbc.update("insert into bc_sku (item_code, style, color_code, lbl_code, dimension,"
                + " size_desc, upc, ean, division, season, source, updated_at) values (:code, :style, :color, :lbl, :dim,"
                + " :size, :upc, :ean, :division, :season, :source, :now) on conflict do nothing", p) == 0) {
            jdbc.update(update, p);
        }
    }

    /** Reads Blue Cherry's styles changed since the last read, unless that was less than skuRefreshEvery ago. */
    boolean readBlueCherryIfDue() {
        synchronized (this) {
            if (lastRead.plus(props.skuRefreshEvery()).isAfter(Instant.now())) {
                return false;
            }
            lastRead = Instant.now();
        }
        readBlueCherry();
        return true;
    }

    /** Reads every style changed since the cursor, page by page, and remembers each SKU. Returns the SKUs seen. */
    public int readBlueCherry() {
        Cursor cursor = cursors.load(CURSOR);
        String filter = cursor.watermark() == null ? null : "last_mod ge '" + cursor.watermark() + "'";
        String latest = cursor.watermark();
        int pageSize = blueCherry.pageSize();
        int skus = 0;
        for (int page = 1; ; page++) {
            List<JsonNode> styles = blueCherry.getPage("style", filter, page, pageSize);
            for (JsonNode style : styles) {
                skus += rememberStyle(style);
                String lastMod = style.path("last_mod").asText("");
                if (!lastMod.isEmpty() && (latest == null || lastMod.compareTo(latest) > 0)) {
                    latest = lastMod;
                }
            }
            if (styles.size() < pageSize) {
                break;
            }
        }
        if (latest != null) {
            cursors.save(CURSOR, new Cursor(latest, Set.of()));
        }
        log.debug("read Blue Cherry styles since {}: {} SKU(s)", cursor.watermark(), skus);
        return skus;
    }

    private int rememberStyle(JsonNode style) {
        String code = style.path("style").asText("").trim();
        int count = 0;
        for (JsonNode detail : style.path("styledetail").path("rows")) {
            for (JsonNode size : detail.path("stylecolorsizes").path("rows-i")) {
                String itemCode = itemCodes.itemCode(size, code);
                if (itemCode.isEmpty()) {
                    continue;
                }
                remember(new SkuTuple(itemCode, code, text(size, "color_code"), text(size, "lbl_code"),
                        text(size, "dimension"), text(size, "size_desc"), text(size, "upc"), text(size, "ean"),
                        text(detail, "division"), text(detail, "season")), "BC_STYLE");
                count++;
            }
        }
        return count;
    }

    /** From {@code bc_sku}, else from what the item master flow synced ({@code item_sku}, when its barcode is a UPC). */
    private Map<String, SkuTuple> read(Collection<String> codes) {
        Map<String, SkuTuple> found = new HashMap<>();
        List<String> list = new ArrayList<>(new LinkedHashSet<>(codes));
        for (int i = 0; i < list.size(); i += IN_LIST) {
            jdbc.query("select * from bc_sku where item_code in (:codes)", Map.of("codes", list.subList(i,
                    Math.min(list.size(), i + IN_LIST))), rs -> {
                        found.put(rs.getString("item_code"), new SkuTuple(rs.getString("item_code"), rs.getString("style"),
                                rs.getString("color_code"), rs.getString("lbl_code"), rs.getString("dimension"),
                                rs.getString("size_desc"), nullToEmpty(rs.getString("upc")), nullToEmpty(rs.getString("ean")),
                                nullToEmpty(rs.getString("division")), nullToEmpty(rs.getString("season"))));
                    });
        }
        list.removeAll(found.keySet());
        for (int i = 0; i < list.size(); i += IN_LIST) {
            jdbc.query("select item_code, style, color_code, lbl_code, dimension, size_desc, barcode from item_sku"
                    + " where item_code in (:codes)", Map.of("codes", list.subList(i, Math.min(list.size(), i + IN_LIST))),
                    rs -> {
                        String barcode = nullToEmpty(rs.getString("barcode"));
                        if (barcode.length() == 12) {
                            found.put(rs.getString("item_code"), new SkuTuple(rs.getString("item_code"),
                                    rs.getString("style"), rs.getString("color_code"), rs.getString("lbl_code"),
                                    rs.getString("dimension"), rs.getString("size_desc"), barcode, "", "", ""));
                        }
                    });
        }
        return found;
    }

    private Set<String> select(String sql, Collection<String> codes) {
        Set<String> found = new HashSet<>();
        List<String> list = new ArrayList<>(codes);
        for (int i = 0; i < list.size(); i += IN_LIST) {
            found.addAll(jdbc.queryForList(sql, Map.of("codes", list.subList(i, Math.min(list.size(), i + IN_LIST))),
                    String.class));
        }
        return found;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? "" : v.asText().trim();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
