package io.cherrypick.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.bluecherry.model.StyleSku;
import io.cherrypick.store.Timestamps;

/** The item_sku table: per ItemCode, the Blue Cherry SKU it was synced from and the row Peoplevox was sent. */
@Repository
public class SyncedItemStore {
    private static final TypeReference<LinkedHashMap<String, String>> ROW = new TypeReference<>() {
    };
    private static final int IN_LIST = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    public SyncedItemStore(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A synced SKU: its ItemCode, Blue Cherry key, barcode and the mapped row last sent. */
    public record SyncedItem(String itemCode, String style, String colorCode, String lblCode, String dimension,
                             String sizeDesc, String barcode, Map<String, String> mappedRow) {
        public String describe() {
            return StyleSku.describe(style, colorCode, lblCode, dimension, sizeDesc);
        }
    }

    /** Records what was sent for a SKU Peoplevox accepted (insert or replace). */
    public void save(String itemCode, StyleSku sku, String barcode, String revision, Map<String, String> mappedRow) {
        save(params(new Synced(itemCode, sku, barcode, revision, mappedRow), Timestamps.now()));
    }

    /** One SKU sent, as {@link #saveAll} takes it. */
    public record Synced(String itemCode, StyleSku sku, String barcode, String revision,
                         Map<String, String> mappedRow) {
    }

    /**
     * As {@link #save} for each SKU, in batched statements: an update of those already stored, then an insert of the
     * others; one another instance inserted meanwhile is updated after all.
     */
    public void saveAll(List<Synced> skus) {
        BatchUpsert.write(jdbc, UPDATE, INSERT, rows(skus));
    }

    /** As {@link #saveAll}, for SKUs not synced before (an insert each; one stored after all is updated). */
    public void saveAllNew(List<Synced> skus) {
        BatchUpsert.writeNew(jdbc, UPDATE, INSERT, rows(skus));
    }

    private MapSqlParameterSource[] rows(List<Synced> skus) {
        java.time.OffsetDateTime now = Timestamps.now();
        return skus.stream().map(s -> params(s, now)).toArray(MapSqlParameterSource[]::new);
    }

    // a SKU sent clears its style's fingerprint: the style is left out again only once all of it went through
    private static final String UPDATE = "update item_sku set style = :style, color_code = :color, lbl_code = :lbl,"
            + " dimension = :dim, size_desc = :size, barcode = :barcode, revision = :rev, mapped_row = :row,"
            + " style_fingerprint = null, synced_at = :now where item_code = :code";
    private static final String INSERT = "insert into item_sku (item_code, style, color_code, lbl_code, dimension,"
            + " size_desc, barcode, revision, mapped_row, synced_at) values (:code, :style, :color, :lbl, :dim, :size,"
            + " :barcode, :rev, :row, :now)";

    private MapSqlParameterSource params(Synced s, java.time.OffsetDateTime now) {
        StyleSku sku = s.sku();
        return new MapSqlParameterSource().addValue("code", s.itemCode()).addValue("style", sku.styleCode())
                .addValue("color", sku.colorCode()).addValue("lbl", sku.lblCode()).addValue("dim", sku.dimension())
                .addValue("size", sku.sizeDesc()).addValue("barcode", s.barcode()).addValue("rev", s.revision())
                .addValue("row", write(s.mappedRow())).addValue("now", now);
    }

    private void save(MapSqlParameterSource p) {
        BatchUpsert.one(jdbc, UPDATE, INSERT, p); // one another instance inserted first is updated: ours is as new
    }

    /**
     * Records that every SKU of each style went through (sent, or found as Peoplevox has it) with the style as it is
     * now: style to its fingerprint.
     */
    public void stylesGoneThrough(Map<String, String> fingerprintByStyle) {
        if (fingerprintByStyle.isEmpty()) {
            return;
        }
        MapSqlParameterSource[] rows = new java.util.TreeMap<>(fingerprintByStyle).entrySet().stream()
                .map(e -> new MapSqlParameterSource().addValue("style", e.getKey()).addValue("fp", e.getValue()))
                .toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("update item_sku set style_fingerprint = :fp where style = :style", rows);
    }

    /**
     * Of these styles (style to its fingerprint now and its number of SKUs), those that went through as they are now:
     * each of their SKUs synced, known to Peoplevox with the row sent, and carrying the fingerprint, and no other.
     */
    public Set<String> unchangedStyles(Map<String, String> fingerprintByStyle, Map<String, Integer> skusByStyle) {
        Set<String> unchanged = new java.util.HashSet<>();
        List<String> styles = new ArrayList<>(fingerprintByStyle.keySet());
        for (int i = 0; i < styles.size(); i += IN_LIST) {
            jdbc.query("select s.style, count(*) as skus, min(s.style_fingerprint) as lo, max(s.style_fingerprint) as hi"
                    + " from item_sku s left join pvx_item p on p.item_code = s.item_code and p.fingerprint is not null"
                    + " where s.style in (:styles) group by s.style"
                    + " having count(p.item_code) = count(*) and count(s.style_fingerprint) = count(*)",
                    Map.of("styles", styles.subList(i, Math.min(styles.size(), i + IN_LIST))), rs -> {
                        String style = rs.getString("style");
                        String fingerprint = fingerprintByStyle.get(style);
                        if (fingerprint != null && rs.getInt("skus") == skusByStyle.getOrDefault(style, -1)
                                && fingerprint.equals(rs.getString("lo")) && fingerprint.equals(rs.getString("hi"))) {
                            unchanged.add(style);
                        }
                    });
        }
        return unchanged;
    }

    /** The synced SKUs among {@code itemCodes}, by ItemCode. */
    public Map<String, SyncedItem> find(Collection<String> itemCodes) {
        Map<String, SyncedItem> found = new HashMap<>();
        List<String> codes = new ArrayList<>(itemCodes);
        for (int i = 0; i < codes.size(); i += IN_LIST) {
            jdbc.query("select * from item_sku where item_code in (:codes)",
                    Map.of("codes", codes.subList(i, Math.min(codes.size(), i + IN_LIST))),
                    rs -> {
                        SyncedItem item = read(rs);
                        found.put(item.itemCode(), item);
                    });
        }
        return found;
    }

    /** Every synced SKU, by ItemCode (the drift check's view of Blue Cherry). */
    public Map<String, SyncedItem> all() {
        Map<String, SyncedItem> all = new HashMap<>();
        jdbc.query("select * from item_sku", Map.of(), rs -> {
            SyncedItem item = read(rs);
            all.put(item.itemCode(), item);
        });
        return all;
    }

    private SyncedItem read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SyncedItem(rs.getString("item_code"), rs.getString("style"), rs.getString("color_code"),
                rs.getString("lbl_code"), rs.getString("dimension"), rs.getString("size_desc"), rs.getString("barcode"),
                readRow(rs.getString("mapped_row")));
    }

    private String write(Map<String, String> row) {
        try {
            return json.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("mapped item row could not be written as JSON", e);
        }
    }

    private Map<String, String> readRow(String text) {
        try {
            return json.readValue(text, ROW);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("item_sku.mapped_row is not a JSON object: " + e.getMessage(), e);
        }
    }
}
