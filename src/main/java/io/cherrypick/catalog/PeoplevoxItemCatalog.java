package io.cherrypick.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.cherrypick.peoplevox.CsvTable;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.peoplevox.SearchClauses;
import io.cherrypick.store.BatchUpsert;
import io.cherrypick.store.Timestamps;

/**
 * What Cherrypick knows to exist in Peoplevox as item types: the item flow records what it synced, and codes not known
 * yet are looked up in Peoplevox in batches of up to 100 OR terms per GetData call, then remembered.
 */
@Component
public class PeoplevoxItemCatalog {
    static final int LOOKUP_BATCH = 100;

    private final NamedParameterJdbcTemplate jdbc;
    private final PeoplevoxClient peoplevox;

    public PeoplevoxItemCatalog(NamedParameterJdbcTemplate jdbc, PeoplevoxClient peoplevox) {
        this.jdbc = jdbc;
        this.peoplevox = peoplevox;
    }

    /** The codes among {@code itemCodes} that Peoplevox does not have. */
    public Set<String> missing(Collection<String> itemCodes) {
        Set<String> unknown = new LinkedHashSet<>(itemCodes);
        unknown.remove("");
        if (unknown.isEmpty()) {
            return Set.of();
        }
        unknown.removeAll(known(unknown));
        List<String> toLookUp = new ArrayList<>(unknown);
        for (int i = 0; i < toLookUp.size(); i += LOOKUP_BATCH) {
            List<String> chunk = toLookUp.subList(i, Math.min(toLookUp.size(), i + LOOKUP_BATCH));
            String clause = SearchClauses.anyEquals("ItemCode", chunk);
            CsvTable found = peoplevox.getData("Item types", clause);
            for (Map<String, String> row : found.rows()) {
                String code = row.get("ItemCode");
                if (code != null && unknown.remove(code)) {
                    remember(code, row.get("Barcode"), null, "LOOKUP");
                }
            }
        }
        return unknown;
    }

    /** Records that an item exists in Peoplevox (with the fingerprint of what was sent, when the item flow sent it). */
    public void remember(String itemCode, String barcode, String fingerprint, String source) {
        BatchUpsert.one(jdbc, UPDATE, INSERT, params(itemCode, barcode, fingerprint, source, Timestamps.now()));
    }

    private static final String UPDATE = "update pvx_item set barcode = coalesce(:barcode, barcode),"
            + " fingerprint = coalesce(:fp, fingerprint), source = :source, updated_at = :now where item_code = :code";
    private static final String INSERT = "insert into pvx_item (item_code, barcode, fingerprint, source, updated_at)"
            + " values (:code, :barcode, :fp, :source, :now)";

    private static MapSqlParameterSource params(String itemCode, String barcode, String fingerprint, String source,
                                                java.time.OffsetDateTime now) {
        return new MapSqlParameterSource().addValue("code", itemCode).addValue("barcode", barcode)
                .addValue("fp", fingerprint).addValue("source", source).addValue("now", now);
    }

    /**
     * As {@link #remember} for each item, in batched statements: an update of those already known, then an insert of
     * the others (a batch of items sent costs two statements, not two per item); one another instance inserted
     * meanwhile is updated after all.
     */
    public void rememberAll(List<KnownItem> items) {
        BatchUpsert.write(jdbc, UPDATE, INSERT, rows(items));
    }

    /** As {@link #rememberAll}, for items not known yet (an insert each; one known after all is updated). */
    public void rememberAllNew(List<KnownItem> items) {
        BatchUpsert.writeNew(jdbc, UPDATE, INSERT, rows(items));
    }

    private static MapSqlParameterSource[] rows(List<KnownItem> items) {
        java.time.OffsetDateTime now = Timestamps.now();
        return items.stream().map(i -> params(i.itemCode(), i.barcode(), i.fingerprint(), i.source(), now))
                .toArray(MapSqlParameterSource[]::new);
    }

    /** An item known to be in Peoplevox: its barcode, and the fingerprint of what the item flow last sent for it. */
    public record KnownItem(String itemCode, String barcode, String fingerprint, String source) {
    }

    /** Known items whose ItemCode is one of {@code codes}, by ItemCode (the fingerprints to compare). */
    public Map<String, KnownItem> findByCode(Collection<String> codes) {
        return find(codes, List.of("item_code"));
    }

    /** Known items whose ItemCode or Barcode is one of {@code values} (fingerprints to compare, barcode owners). */
    public List<KnownItem> findByCodeOrBarcode(Collection<String> values) {
        // two queries, so each can use its index (an OR of the two IN lists scans the table)
        return new ArrayList<>(find(values, List.of("item_code", "barcode")).values());
    }

    /** Known items where one of {@code columns} is one of {@code values}, by ItemCode, 500 values per query. */
    private Map<String, KnownItem> find(Collection<String> values, List<String> columns) {
        Map<String, KnownItem> found = new java.util.LinkedHashMap<>();
        List<String> list = new ArrayList<>(new LinkedHashSet<>(values));
        for (int i = 0; i < list.size(); i += 500) {
            Map<String, Object> chunk = Map.of("v", list.subList(i, Math.min(list.size(), i + 500)));
            for (String column : columns) {
                jdbc.query("select item_code, barcode, fingerprint, source from pvx_item where " + column + " in (:v)", chunk,
                        rs -> {
                            found.putIfAbsent(rs.getString("item_code"), new KnownItem(rs.getString("item_code"),
                                    rs.getString("barcode"), rs.getString("fingerprint"), rs.getString("source")));
                        });
            }
        }
        return found;
    }

    private Set<String> known(Collection<String> codes) {
        Set<String> found = new java.util.HashSet<>();
        List<String> list = new ArrayList<>(codes);
        for (int i = 0; i < list.size(); i += 500) {
            found.addAll(jdbc.queryForList("select item_code from pvx_item where item_code in (:codes)",
                    Map.of("codes", list.subList(i, Math.min(list.size(), i + 500))), String.class));
        }
        return found;
    }
}
