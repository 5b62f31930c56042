package io.cherrypick.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.bluecherry.model.StyleSku;
import io.cherrypick.store.Timestamps;

/**
 * The item_sku table: per ItemCode, the Blue Cherry SKU it was synced from and the row Peoplevox was sent; and the
 * item_style table: the styles whose SKUs all went through, with what their mapping read of them.
 */
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

    private static final String UPDATE = "update item_sku set style = :style, color_code = :color, lbl_code = :lbl,"
            + " dimension = :dim, size_desc = :size, barcode = :barcode, revision = :rev, mapped_row = :row,"
            + " synced_at = :now where item_code = :code";
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

    /** A style whose SKUs all went through: the fingerprint of what its mapping read of them, and how many they were. */
    public record StyleMark(String fingerprint, int skus) {
    }

    /**
     * Marks each style as gone through whole with what its mapping read of its SKUs (table item_style): style to its
     * mark. Inserted or replaced, in style order.
     */
    public void markStyles(Map<String, StyleMark> marks) {
        if (marks.isEmpty()) {
            return;
        }
        java.time.OffsetDateTime now = Timestamps.now();
        MapSqlParameterSource[] rows = new java.util.TreeMap<>(marks).entrySet().stream()
                .map(e -> new MapSqlParameterSource().addValue("style", e.getKey())
                        .addValue("fp", e.getValue().fingerprint()).addValue("skus", e.getValue().skus())
                        .addValue("now", now))
                .toArray(MapSqlParameterSource[]::new);
        BatchUpsert.write(jdbc, "update item_style set fingerprint = :fp, skus = :skus, marked_at = :now"
                + " where style = :style", "insert into item_style (style, fingerprint, skus, marked_at)"
                + " values (:style, :fp, :skus, :now)", rows);
    }

    /** The marks of these styles, by style (styles never marked, or unmarked since, are absent). */
    public Map<String, StyleMark> styleMarks(Collection<String> styles) {
        Map<String, StyleMark> marks = new HashMap<>();
        List<String> list = new ArrayList<>(styles);
        for (int i = 0; i < list.size(); i += IN_LIST) {
            jdbc.query("select style, fingerprint, skus from item_style where style in (:styles)",
                    Map.of("styles", list.subList(i, Math.min(list.size(), i + IN_LIST))), rs -> {
                        marks.put(rs.getString("style"), new StyleMark(rs.getString("fingerprint"), rs.getInt("skus")));
                    });
        }
        return marks;
    }

    /** A SKU of these styles was sent: they are no longer as they went through whole. */
    public void unmarkStyles(Collection<String> styles) {
        List<String> list = new ArrayList<>(new java.util.TreeSet<>(styles));
        for (int i = 0; i < list.size(); i += IN_LIST) {
            jdbc.update("delete from item_style where style in (:styles)",
                    Map.of("styles", list.subList(i, Math.min(list.size(), i + IN_LIST))));
        }
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
