package io.cherrypick.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The inbound flow's own records: Blue Cherry purchase orders as last told to Peoplevox (with their lines), the goods-in
 * lines Peoplevox booked in (unique per goods-in reference + item; the row's id is the receipt's durable document
 * number) and the units each posted goods-in line credited to each PO line.
 */
@Repository
public class PurchaseOrderStore {
    /** Where a purchase order is, as purchasing and the warehouse see it. */
    public enum State {
        /** Pulled from Blue Cherry, waiting to go to Peoplevox (or held: see exception_open). */
        QUEUED,
        /** Peoplevox has it and expects the delivery. */
        SENT_TO_PEOPLEVOX,
        /** Some of it was received and posted to Blue Cherry. */
        PARTLY_RECEIVED,
        /** Every line was received and posted to Blue Cherry. */
        RECEIVED,
        /** Left the open stage in Blue Cherry before anything was received; cancelled in Peoplevox. */
        CANCELLED,
        /** Left the open stage in Blue Cherry after receipts. */
        CLOSED
    }

    /** A purchase order header. {@code content}: the flattened fields Peoplevox holds (JSON), for differences. */
    public record PurchaseOrder(String prodNum, String stageNum, String supplier, String location, String site,
                                String expectedDate, String revision, String sentRevision, String content, State state,
                                boolean exceptionOpen, String note, Instant createdAt, Instant sentAt,
                                Instant firstReceiptAt, Instant updatedAt) {
    }

    /** A purchase order line and the Peoplevox ItemCode it maps to. */
    public record Line(String prodNum, String prodLine, String itemCode, String style, String colorCode, String lblCode,
                       String dimension, String sizeDesc, String upc, int ordered, String cost) {
    }

    /** A goods-in line Peoplevox booked in; {@code id} is its document number (isa_num). */
    public record GoodsLine(long id, String reference, String itemCode, String prodNum, String site, int quantity,
                            String receivedDate, String source, String state, String note, Long bcPkey) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public PurchaseOrderStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- purchase orders

    public Optional<PurchaseOrder> find(String prodNum) {
        return jdbc.query("select * from purchase_order where prod_num = :po", Map.of("po", prodNum), PO).stream().findFirst();
    }

    public List<PurchaseOrder> list(State state, int limit) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("limit", limit);
        String where = "";
        if (state != null) {
            where = " where state = :state";
            p.addValue("state", state.name());
        }
        return jdbc.query("select * from purchase_order" + where + " order by updated_at desc, prod_num limit :limit", p, PO);
    }

    public List<Line> lines(String prodNum) {
        return jdbc.query("select * from purchase_order_line where prod_num = :po order by prod_line", Map.of("po", prodNum), LINE);
    }

    /** Stores a pulled purchase order (new, or replacing header and lines); the state is set as given. */
    public void save(PurchaseOrder po, List<Line> lines) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("po", po.prodNum()).addValue("stage", po.stageNum())
                .addValue("supplier", Columns.fit(po.supplier(), 100)).addValue("loc", po.location())
                .addValue("site", po.site()).addValue("expected", po.expectedDate()).addValue("rev", po.revision())
                .addValue("content", po.content()).addValue("state", po.state().name())
                .addValue("note", Columns.fit(po.note(), 1000)).addValue("now", Timestamps.now());
        int updated = jdbc.update("update purchase_order set stage_num = :stage, supplier = :supplier, bc_location = :loc,"
                + " site = :site, expected_date = :expected, revision = :rev, content = :content, state = :state,"
                + " note = :note, updated_at = :now where prod_num = :po", p);
        if (updated == 0) {
            jdbc.update("insert into purchase_order (prod_num, stage_num, supplier, bc_location, site, expected_date, revision,"
                    + " content, state, exception_open, note, created_at, updated_at) values (:po, :stage, :supplier, :loc,"
                    + " :site, :expected, :rev, :content, :state, false, :note, :now, :now)", p);
        }
        jdbc.update("delete from purchase_order_line where prod_num = :po", Map.of("po", po.prodNum()));
        for (Line l : lines) {
            jdbc.update("insert into purchase_order_line (prod_num, prod_line, item_code, style, color_code, lbl_code,"
                    + " dimension, size_desc, upc, ordered, cost) values (:po, :line, :item, :style, :color, :lbl, :dim,"
                    + " :size, :upc, :ordered, :cost)", new MapSqlParameterSource().addValue("po", l.prodNum())
                    .addValue("line", l.prodLine()).addValue("item", l.itemCode()).addValue("style", l.style())
                    .addValue("color", l.colorCode()).addValue("lbl", l.lblCode()).addValue("dim", l.dimension())
                    .addValue("size", l.sizeDesc()).addValue("upc", l.upc()).addValue("ordered", l.ordered())
                    .addValue("cost", l.cost()));
        }
    }

    /** A new Blue Cherry revision that changes nothing Peoplevox holds, or a change not applied (see the exception). */
    public void touch(String prodNum, String revision, String note) {
        jdbc.update("update purchase_order set revision = :rev, note = coalesce(:note, note), updated_at = :now"
                + " where prod_num = :po", new MapSqlParameterSource().addValue("rev", revision)
                .addValue("note", Columns.fit(note, 1000)).addValue("now", Timestamps.now()).addValue("po", prodNum));
    }

    /** Peoplevox took the purchase order in this revision. */
    public void sent(String prodNum, String revision, State state, String note) {
        jdbc.update("update purchase_order set state = :state, sent_revision = :rev, sent_at = :now, note = :note,"
                + " exception_open = false, updated_at = :now where prod_num = :po", new MapSqlParameterSource()
                .addValue("state", state.name()).addValue("rev", revision).addValue("note", Columns.fit(note, 1000))
                .addValue("now", Timestamps.now()).addValue("po", prodNum));
    }

    public void state(String prodNum, State state, String note) {
        jdbc.update("update purchase_order set state = :state, note = :note, updated_at = :now where prod_num = :po",
                new MapSqlParameterSource().addValue("state", state.name()).addValue("note", Columns.fit(note, 1000))
                        .addValue("now", Timestamps.now()).addValue("po", prodNum));
    }

    public void note(String prodNum, String note) {
        jdbc.update("update purchase_order set note = :note, updated_at = :now where prod_num = :po",
                new MapSqlParameterSource().addValue("note", Columns.fit(note, 1000)).addValue("now", Timestamps.now())
                        .addValue("po", prodNum));
    }

    public void flagException(String prodNum, boolean open) {
        jdbc.update("update purchase_order set exception_open = :open, updated_at = :now where prod_num = :po",
                Map.of("open", open, "now", Timestamps.now(), "po", prodNum));
    }

    /** The first goods-in against the purchase order: from now on a change in Blue Cherry is for purchasing to settle. */
    public void firstReceipt(String prodNum) {
        jdbc.update("update purchase_order set first_receipt_at = coalesce(first_receipt_at, :now), updated_at = :now"
                + " where prod_num = :po", Map.of("now", Timestamps.now(), "po", prodNum));
    }

    /** Units already credited to each line of the purchase order by posted goods-in lines, by prod_line. */
    public Map<String, Integer> credited(String prodNum) {
        Map<String, Integer> credited = new LinkedHashMap<>();
        jdbc.query("select prod_line, sum(quantity) as units from goods_receipt_credit where prod_num = :po group by prod_line",
                Map.of("po", prodNum), rs -> {
                    credited.put(rs.getString("prod_line"), rs.getInt("units"));
                });
        return credited;
    }

    /** An open purchase order with the units it still expects (ordered minus posted, over its lines). */
    public record Expecting(String prodNum, String supplier, String site, String expectedDate, State state,
                            boolean exceptionOpen, int ordered, int posted) {
        public int unitsExpected() {
            return Math.max(0, ordered - posted);
        }
    }

    /**
     * Purchase orders still open to receive (queued, sent or partly received) that carry an expected date and still
     * expect units, at most {@code limit}, oldest expected first (the text sorts as the date: Blue Cherry writes
     * {@code yyyy-MM-dd HH:mm:ss}).
     */
    public List<Expecting> expecting(int limit) {
        return jdbc.query("select po.prod_num, po.supplier, po.site, po.expected_date, po.state, po.exception_open,"
                + " coalesce(o.units, 0) as ordered, coalesce(c.units, 0) as posted from purchase_order po"
                + " left join (select prod_num, sum(ordered) as units from purchase_order_line group by prod_num) o"
                + " on o.prod_num = po.prod_num"
                + " left join (select prod_num, sum(quantity) as units from goods_receipt_credit group by prod_num) c"
                + " on c.prod_num = po.prod_num"
                + " where po.state in ('QUEUED', 'SENT_TO_PEOPLEVOX', 'PARTLY_RECEIVED') and po.expected_date is not null"
                + " and coalesce(o.units, 0) > coalesce(c.units, 0)"
                + " order by po.expected_date, po.prod_num limit :limit", Map.of("limit", limit),
                (rs, i) -> new Expecting(rs.getString("prod_num"), rs.getString("supplier"), rs.getString("site"),
                        rs.getString("expected_date"), State.valueOf(rs.getString("state")),
                        rs.getBoolean("exception_open"), rs.getInt("ordered"), rs.getInt("posted")));
    }

    // ---- goods-in lines

    /** Stores a goods-in line once; empty when that reference + item is already stored. Returns its document number. */
    public Optional<Long> insertReceiptIfAbsent(String reference, String itemCode, String prodNum, String site, int quantity,
                                                String receivedDate, String source) {
        if (receipt(reference, itemCode).isPresent()) {
            return Optional.empty();
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        // another instance storing the same line at the same moment is not an error (a failed insert would abort the
        // transaction on PostgreSQL): nothing is inserted here, the line is stored once
        int inserted = jdbc.update("insert into goods_receipt (reference, item_code, prod_num, site, quantity, received_date,"
                + " source, state, received_at) values (:ref, :item, :po, :site, :qty, :date, :source, 'RECEIVED', :now)"
                + " on conflict do nothing", new MapSqlParameterSource().addValue("ref", reference).addValue("item", itemCode)
                .addValue("po", blankToNull(prodNum)).addValue("site", blankToNull(site)).addValue("qty", quantity)
                .addValue("date", blankToNull(receivedDate)).addValue("source", source).addValue("now", Timestamps.now()),
                keys, new String[] {"id"});
        return inserted == 0 ? Optional.empty() : Optional.of(keys.getKey().longValue());
    }

    public Optional<GoodsLine> receipt(String reference, String itemCode) {
        return jdbc.query("select * from goods_receipt where reference = :ref and item_code = :item",
                Map.of("ref", reference, "item", itemCode), GOODS).stream().findFirst();
    }

    /** Whether any line of this goods-in reference is stored. */
    public boolean knownReference(String reference) {
        Integer n = jdbc.queryForObject("select count(*) from goods_receipt where reference = :ref", Map.of("ref", reference),
                Integer.class);
        return n != null && n > 0;
    }

    public List<GoodsLine> receiptsOf(String prodNum) {
        return jdbc.query("select * from goods_receipt where prod_num = :po order by id", Map.of("po", prodNum), GOODS);
    }

    public void receiptState(long id, String state, String note) {
        jdbc.update("update goods_receipt set state = :state, note = :note where id = :id",
                new MapSqlParameterSource().addValue("state", state).addValue("note", Columns.fit(note, 1000)).addValue("id", id));
    }

    /** Blue Cherry took the goods-in line: it is POSTED and its units credited to the PO lines (once). */
    public void posted(long id, Long bcPkey, Map<String, Integer> credits, String prodNum, String note) {
        jdbc.update("update goods_receipt set state = 'POSTED', bc_pkey = :pkey, posted_at = :now, note = :note where id = :id",
                new MapSqlParameterSource().addValue("pkey", bcPkey).addValue("now", Timestamps.now())
                        .addValue("note", Columns.fit(note, 1000)).addValue("id", id));
        jdbc.update("delete from goods_receipt_credit where receipt_id = :id", Map.of("id", id));
        credits.forEach((line, qty) -> jdbc.update("insert into goods_receipt_credit (receipt_id, prod_num, prod_line, quantity)"
                + " values (:id, :po, :line, :qty)", Map.of("id", id, "po", prodNum, "line", line, "qty", qty)));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static final RowMapper<PurchaseOrder> PO = (rs, i) -> new PurchaseOrder(rs.getString("prod_num"),
            rs.getString("stage_num"), rs.getString("supplier"), rs.getString("bc_location"), rs.getString("site"),
            rs.getString("expected_date"), rs.getString("revision"), rs.getString("sent_revision"), rs.getString("content"),
            State.valueOf(rs.getString("state")), rs.getBoolean("exception_open"), rs.getString("note"),
            Timestamps.read(rs, "created_at"), Timestamps.read(rs, "sent_at"), Timestamps.read(rs, "first_receipt_at"),
            Timestamps.read(rs, "updated_at"));

    private static final RowMapper<Line> LINE = (rs, i) -> new Line(rs.getString("prod_num"), rs.getString("prod_line"),
            rs.getString("item_code"), rs.getString("style"), rs.getString("color_code"), rs.getString("lbl_code"),
            rs.getString("dimension"), rs.getString("size_desc"), rs.getString("upc"), rs.getInt("ordered"),
            rs.getString("cost"));

    private static final RowMapper<GoodsLine> GOODS = PurchaseOrderStore::goods;

    private static GoodsLine goods(ResultSet rs, int i) throws SQLException {
        long pkey = rs.getLong("bc_pkey");
        return new GoodsLine(rs.getLong("id"), rs.getString("reference"), rs.getString("item_code"), rs.getString("prod_num"),
                rs.getString("site"), rs.getInt("quantity"), rs.getString("received_date"), rs.getString("source"),
                rs.getString("state"), rs.getString("note"), rs.wasNull() ? null : pkey);
    }
}
