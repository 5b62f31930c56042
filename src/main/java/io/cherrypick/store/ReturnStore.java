package io.cherrypick.store;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.cherrypick.bluecherry.model.AuthorisedLine;
import io.cherrypick.peoplevox.model.PvxReturn;
import io.cherrypick.store.Columns;
import io.cherrypick.store.Timestamps;

/**
 * The returns' own records: authorisations and their lines as last pulled from Blue Cherry, receipts as Peoplevox booked
 * them in (unique per return code + item + units range), and the units each confirmed receipt credited to each RA line.
 */
@Repository
public class ReturnStore {
    private final NamedParameterJdbcTemplate jdbc;

    public ReturnStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An RA line, as a key for quantities. */
    public record LineKey(String raNum, int lineSeq) {
    }

    // ---- authorisations

    public Optional<Authorisation> authorisation(String raNum) {
        if (raNum == null || raNum.isBlank()) {
            return Optional.empty();
        }
        return jdbc.query("select * from return_authorisation where ra_num = :ra", Map.of("ra", raNum), AUTHORISATION)
                .stream().findFirst();
    }

    /** The RAs of a pick (Peoplevox sales order), oldest number first. */
    public List<Authorisation> authorisationsOfPick(String pickNum) {
        if (pickNum == null || pickNum.isBlank()) {
            return List.of();
        }
        return jdbc.query("select * from return_authorisation where pick_num = :pick order by ra_num",
                Map.of("pick", pickNum), AUTHORISATION);
    }

    public List<Authorisation> authorisations(ReturnState state, Boolean exceptionOpen, int limit) {
        StringBuilder sql = new StringBuilder("select * from return_authorisation where 1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("limit", limit);
        if (state != null) {
            sql.append(" and state = :state");
            p.addValue("state", state.name());
        }
        if (exceptionOpen != null) {
            sql.append(" and exception_open = :open");
            p.addValue("open", exceptionOpen);
        }
        sql.append(" order by updated_at desc, ra_num limit :limit");
        return jdbc.query(sql.toString(), p, AUTHORISATION);
    }

    public List<AuthorisedLine> lines(Collection<String> raNums) {
        if (raNums.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select * from return_authorisation_line where ra_num in (:ras) order by ra_num, line_seq",
                Map.of("ras", raNums), LINE);
    }

    /** Stores a newly pulled RA with its lines. */
    public void insert(Authorisation a, List<AuthorisedLine> lines) {
        jdbc.update("insert into return_authorisation (ra_num, ord_num, pick_num, customer, bc_location, reason_code, ra_date,"
                + " bc_status, revision, fingerprint, state, exception_open, note, authorised_at, updated_at) values (:ra, :ord,"
                + " :pick, :customer, :loc, :reason, :raDate, :bcStatus, :rev, :fp, :state, false, :note, :now, :now)",
                header(a).addValue("state", a.state().name()).addValue("note", Columns.fit(a.note(), 1000)));
        insertLines(lines);
    }

    /** Replaces a changed RA's header and lines (the state stays where it is). */
    public void replace(Authorisation a, List<AuthorisedLine> lines, String note) {
        jdbc.update("update return_authorisation set ord_num = :ord, pick_num = :pick, customer = :customer, bc_location = :loc,"
                + " reason_code = :reason, ra_date = :raDate, bc_status = :bcStatus, revision = :rev, fingerprint = :fp,"
                + " note = :note, updated_at = :now where ra_num = :ra", header(a).addValue("note", Columns.fit(note, 1000)));
        jdbc.update("delete from return_authorisation_line where ra_num = :ra", Map.of("ra", a.raNum()));
        insertLines(lines);
    }

    /** A new Blue Cherry revision with nothing Peoplevox needs to know (e.g. its status after our own receipt). */
    public void touch(String raNum, String revision, String bcStatus) {
        jdbc.update("update return_authorisation set revision = :rev, bc_status = :status, updated_at = :now where ra_num = :ra",
                new MapSqlParameterSource().addValue("rev", revision).addValue("status", bcStatus)
                        .addValue("now", Timestamps.now()).addValue("ra", raNum));
    }

    /** Moves an RA forward to {@code state} (never back); returns true when it moved. */
    public boolean moveForward(String raNum, ReturnState state, String note) {
        String column = switch (state) {
            case EXPECTED_IN_PEOPLEVOX -> "expected_at";
            case RECEIVED -> "received_at";
            case CONFIRMED_IN_BLUE_CHERRY -> "confirmed_at";
            default -> null;
        };
        if (state.before().isEmpty()) {
            return false;
        }
        return jdbc.update("update return_authorisation set state = :state, note = :note, updated_at = :now"
                + (column == null ? "" : ", " + column + " = coalesce(" + column + ", :now)")
                + " where ra_num = :ra and state in (:from)", new MapSqlParameterSource().addValue("state", state.name())
                .addValue("note", Columns.fit(note, 1000)).addValue("now", Timestamps.now()).addValue("ra", raNum)
                .addValue("from", state.before().stream().map(Enum::name).toList())) == 1;
    }

    public void note(String raNum, String note) {
        jdbc.update("update return_authorisation set note = :note, updated_at = :now where ra_num = :ra",
                new MapSqlParameterSource().addValue("note", Columns.fit(note, 1000)).addValue("now", Timestamps.now()).addValue("ra", raNum));
    }

    public void flagException(String raNum, boolean open) {
        jdbc.update("update return_authorisation set exception_open = :open, updated_at = :now where ra_num = :ra",
                Map.of("open", open, "now", Timestamps.now(), "ra", raNum));
    }

    /** Units already credited to each line of these RAs by confirmed receipts. */
    public Map<LineKey, Integer> credited(Collection<String> raNums) {
        Map<LineKey, Integer> credited = new HashMap<>();
        if (raNums.isEmpty()) {
            return credited;
        }
        jdbc.query("select ra_num, line_seq, sum(quantity) as units from return_receipt_line where ra_num in (:ras)"
                + " group by ra_num, line_seq", Map.of("ras", raNums), rs -> {
                    credited.put(new LineKey(rs.getString("ra_num"), rs.getInt("line_seq")), rs.getInt("units"));
                });
        return credited;
    }

    // ---- receipts

    /** Units of this return code + item stored so far (the highest running total of its receipts). */
    public int unitsStored(String returnCode, String itemCode) {
        Integer units = jdbc.queryForObject("select max(units_to) from return_receipt where return_code = :code"
                + " and item_code = :item", Map.of("code", returnCode, "item", itemCode), Integer.class);
        return units == null ? 0 : units;
    }

    /**
     * Stores a received return: the units {@code r} adds to its return code + item, from {@code unitsTo - quantity}
     * to {@code unitsTo}. Empty when those units are stored already. Two instances storing different ranges from the
     * same start at once meet the unique key (return, item, units_from): the loser's transaction fails and its event is
     * read again, so ranges never overlap and no unit is credited twice.
     */
    public Optional<Long> insertReceiptIfAbsent(PvxReturn r, Instant receivedAt) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("code", r.returnCode()).addValue("item", r.itemCode())
                .addValue("qty", r.quantity()).addValue("order", blankToNull(r.salesOrderNumber()))
                .addValue("rma", blankToNull(r.rmaNumber())).addValue("reason", Columns.fit(r.reason(), 200))
                .addValue("condition", Columns.fit(r.condition(), 100)).addValue("site", blankToNull(r.site()))
                .addValue("source", r.source()).addValue("at", Timestamps.utc(receivedAt)).addValue("now", Timestamps.now())
                .addValue("from", r.unitsTo() - r.quantity()).addValue("to", r.unitsTo());
        if (unitsStored(r.returnCode(), r.itemCode()) >= r.unitsTo()) {
            return Optional.empty();
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("insert into return_receipt (return_code, item_code, quantity, units_from, units_to, sales_order_number,"
                + " rma_number, reason, return_condition, site, source, state, received_at, updated_at) values (:code, :item,"
                + " :qty, :from, :to, :order, :rma, :reason, :condition, :site, :source, 'RECEIVED', :at, :now)", p, keys,
                new String[] {"id"});
        return Optional.of(keys.getKey().longValue());
    }

    /** The receipt of a return code + item that reaches {@code unitsTo} units. */
    public Optional<Receipt> receipt(String returnCode, String itemCode, int unitsTo) {
        return jdbc.query("select * from return_receipt where return_code = :code and item_code = :item and units_to = :to",
                Map.of("code", returnCode, "item", itemCode, "to", unitsTo), RECEIPT).stream().findFirst();
    }

    /**
     * The receipt stored under a business key ({@link PvxReturn#key}: code|item|units). A key of a receipt queued before
     * version 31 (code|item) names the first receipt of its return code + item.
     */
    public Optional<Receipt> receipt(String key) {
        int first = key.indexOf('|');
        int last = key.lastIndexOf('|');
        if (first < 0) {
            return Optional.empty();
        }
        if (last == first || !key.substring(last + 1).matches("\\d{1,9}")) {
            return jdbc.query("select * from return_receipt where return_code = :code and item_code = :item"
                    + " and units_from = 0", Map.of("code", key.substring(0, first), "item", key.substring(first + 1)), RECEIPT)
                    .stream().findFirst();
        }
        return receipt(key.substring(0, first), key.substring(first + 1, last), Integer.parseInt(key.substring(last + 1)));
    }

    /** The receipts that name this RA or its pick, or were credited to it. */
    public List<Receipt> receiptsOf(Authorisation a) {
        return jdbc.query("select * from return_receipt where rma_number = :ra or (:pick <> '' and sales_order_number = :pick)"
                + " or id in (select receipt_id from return_receipt_line where ra_num = :ra) order by id",
                Map.of("ra", a.raNum(), "pick", a.pickNum() == null ? "" : a.pickNum()), RECEIPT);
    }

    public List<Receipt> receipts(ReceiptState state, int limit) {
        return jdbc.query("select * from return_receipt where (:state = '' or state = :state) order by updated_at desc, id"
                + " limit :limit", Map.of("state", state == null ? "" : state.name(), "limit", limit), RECEIPT);
    }

    /** Receipts waiting for a person that an RA of this pick (or this RA number) might now match. */
    public List<Receipt> exceptionsMatching(String raNum, String pickNum) {
        return jdbc.query("select * from return_receipt where state = 'EXCEPTION' and (rma_number = :ra"
                + " or (:pick <> '' and sales_order_number = :pick)) order by id",
                Map.of("ra", raNum, "pick", pickNum == null ? "" : pickNum), RECEIPT);
    }

    /** The units credited per RA line by one receipt. */
    public Map<LineKey, Integer> creditsOf(long receiptId) {
        Map<LineKey, Integer> credits = new java.util.LinkedHashMap<>();
        jdbc.query("select ra_num, line_seq, quantity from return_receipt_line where receipt_id = :id order by ra_num, line_seq",
                Map.of("id", receiptId), rs -> {
                    credits.put(new LineKey(rs.getString("ra_num"), rs.getInt("line_seq")), rs.getInt("quantity"));
                });
        return credits;
    }

    /** Blue Cherry accepted the receipt: its disposition, Blue Cherry's pkey and the units credited per RA line. */
    public void confirmReceipt(String key, String disposition, long bcPkey, Map<LineKey, Integer> credits, String note) {
        Receipt r = receipt(key).orElseThrow();
        jdbc.update("update return_receipt set state = 'CONFIRMED_IN_BLUE_CHERRY', disposition = :disp, bc_pkey = :pkey,"
                + " note = :note, confirmed_at = :now, updated_at = :now where id = :id", new MapSqlParameterSource()
                .addValue("disp", disposition).addValue("pkey", bcPkey).addValue("note", Columns.fit(note, 1000))
                .addValue("now", Timestamps.now()).addValue("id", r.id()));
        jdbc.update("delete from return_receipt_line where receipt_id = :id", Map.of("id", r.id()));
        credits.forEach((line, qty) -> jdbc.update("insert into return_receipt_line (receipt_id, ra_num, line_seq, quantity)"
                + " values (:id, :ra, :seq, :qty)", Map.of("id", r.id(), "ra", line.raNum(), "seq", line.lineSeq(), "qty", qty)));
    }

    /** Moves a receipt to RECEIVED (queued), EXCEPTION or NOT_SENT, with the sentence a person reads. */
    public void receiptState(String key, ReceiptState state, String note) {
        receipt(key).ifPresent(r -> jdbc.update("update return_receipt set state = :state, note = :note, updated_at = :now"
                + " where id = :id and state <> 'CONFIRMED_IN_BLUE_CHERRY'", new MapSqlParameterSource()
                .addValue("state", state.name()).addValue("note", Columns.fit(note, 1000)).addValue("now", Timestamps.now())
                .addValue("id", r.id())));
    }

    public Map<String, Integer> countReceiptsByState() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        jdbc.query("select state, count(*) as n from return_receipt group by state", Map.of(),
                rs -> {
                    counts.put(rs.getString("state"), rs.getInt("n"));
                });
        return counts;
    }

    // ---- helpers

    private void insertLines(List<AuthorisedLine> lines) {
        for (AuthorisedLine l : lines) {
            jdbc.update("insert into return_authorisation_line (ra_num, line_seq, style, color_code, lbl_code, dimension,"
                    + " size_desc, upc, item_code, ra_qty) values (:ra, :seq, :style, :color, :lbl, :dim, :size, :upc, :item, :qty)",
                    new MapSqlParameterSource().addValue("ra", l.raNum()).addValue("seq", l.lineSeq())
                            .addValue("style", l.style()).addValue("color", l.colorCode()).addValue("lbl", l.lblCode())
                            .addValue("dim", l.dimension()).addValue("size", l.sizeDesc()).addValue("upc", l.upc())
                            .addValue("item", l.itemCode()).addValue("qty", l.raQty()));
        }
    }

    private static MapSqlParameterSource header(Authorisation a) {
        return new MapSqlParameterSource().addValue("ra", a.raNum()).addValue("ord", a.ordNum()).addValue("pick", a.pickNum())
                .addValue("customer", a.customer()).addValue("loc", a.location()).addValue("reason", a.reasonCode())
                .addValue("raDate", a.raDate()).addValue("bcStatus", a.bcStatus()).addValue("rev", a.revision())
                .addValue("fp", a.fingerprint()).addValue("now", Timestamps.now());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }


    private static final RowMapper<Authorisation> AUTHORISATION = (rs, i) -> new Authorisation(rs.getString("ra_num"),
            rs.getString("ord_num"), rs.getString("pick_num"), rs.getString("customer"), rs.getString("bc_location"),
            rs.getString("reason_code"), rs.getString("ra_date"), rs.getString("bc_status"), rs.getString("revision"),
            rs.getString("fingerprint"), ReturnState.valueOf(rs.getString("state")), rs.getBoolean("exception_open"),
            rs.getString("note"), Timestamps.read(rs, "authorised_at"), Timestamps.read(rs, "expected_at"),
            Timestamps.read(rs, "received_at"), Timestamps.read(rs, "confirmed_at"), Timestamps.read(rs, "updated_at"));

    private static final RowMapper<AuthorisedLine> LINE = (rs, i) -> new AuthorisedLine(rs.getString("ra_num"),
            rs.getInt("line_seq"), rs.getString("style"), rs.getString("color_code"), rs.getString("lbl_code"),
            rs.getString("dimension"), rs.getString("size_desc"), rs.getString("upc"), rs.getString("item_code"),
            rs.getInt("ra_qty"));

    private static final RowMapper<Receipt> RECEIPT = (rs, i) -> {
        long pkey = rs.getLong("bc_pkey");
        Long bcPkey = rs.wasNull() ? null : pkey;
        return new Receipt(rs.getLong("id"), rs.getString("return_code"), rs.getString("item_code"), rs.getInt("quantity"),
                rs.getString("sales_order_number"), rs.getString("rma_number"), rs.getString("reason"),
                rs.getString("return_condition"), rs.getString("site"), rs.getString("source"), rs.getString("disposition"),
                ReceiptState.valueOf(rs.getString("state")), rs.getString("note"), bcPkey, Timestamps.read(rs, "received_at"),
                Timestamps.read(rs, "confirmed_at"), rs.getInt("units_to"));
    };
}
