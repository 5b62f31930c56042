package io.cherrypick.simulator.bluecherry.model;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A return authorisation (RA). Invented: no public Blue Cherry RA API exists; the shape follows the simulator's
 * documented assumption (header + {@code radetail.rows}).
 */
public final class ReturnAuthorisation implements ServedRecord {
    private static final Set<String> CHILDREN = Set.of("radetail");

    private final long pkey;
    private final String raNum;
    private final Map<String, Object> header;
    private final List<Line> lines;
    private LocalDateTime lastMod;

    /** One authorised SKU line; open = ra_qty − received. */
    public static final class Line {
        private final Map<String, Object> fields;
        private final int lineSeq;
        private final Sku sku;
        private final String upc;
        private final int raQty;
        private int received;

        Line(Map<String, Object> fields, int lineSeq, Sku sku, String upc, int raQty) {
            this.fields = fields;
            this.lineSeq = lineSeq;
            this.sku = sku;
            this.upc = upc;
            this.raQty = raQty;
        }

        public int lineSeq() {
            return lineSeq;
        }

        public Sku sku() {
            return sku;
        }

        public String upc() {
            return upc;
        }

        public int open() {
            return raQty - received;
        }

        public void receive(int quantity) {
            received += quantity;
        }

        Map<String, Object> summary() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("line_seq", lineSeq);
            s.put("upc", upc);
            s.put("ra_qty", raQty);
            s.put("received", received);
            s.put("open", open());
            return s;
        }
    }

    private ReturnAuthorisation(long pkey, String raNum, Map<String, Object> header, List<Line> lines, LocalDateTime lastMod) {
        this.pkey = pkey;
        this.raNum = raNum;
        this.header = header;
        this.lines = lines;
        this.lastMod = lastMod;
    }

    public static ReturnAuthorisation create(long pkey, String raNum, Map<String, ?> input, LongSupplier linePkeys,
                                             LocalDateTime now) {
        String name = "ra_num " + raNum;
        Map<String, Object> header = Fields.fill(Templates.RA_HEADER, input, CHILDREN);
        header.put("ra_num", raNum);
        if (header.get("ra_date") == null) {
            header.put("ra_date", Timestamps.format(now));
        }
        List<Map<String, Object>> rows = ChildRows.of(input, "radetail", "rows");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(name + ": radetail.rows must contain at least one line");
        }
        Set<Integer> seen = new HashSet<>();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            Long seq = Fields.wholeNumber(row, "line_seq");
            int lineSeq = seq == null ? i + 1 : seq.intValue();
            String lineName = name + " line_seq " + lineSeq;
            if (!seen.add(lineSeq)) {
                throw new IllegalArgumentException(lineName + ": line_seq appears twice");
            }
            Fields.requireText(row, "style", lineName);
            Fields.requireText(row, "size_desc", lineName);
            String upc = Fields.requireText(row, "upc", lineName);
            int qty = Fields.requireQuantity(row, "ra_qty", lineName);
            Map<String, Object> f = Fields.fill(Templates.RA_DETAIL, row, Set.of());
            f.put("pkey", linePkeys.getAsLong());
            f.put("line_seq", lineSeq);
            f.put("ra_qty", qty);
            lines.add(new Line(f, lineSeq, Sku.of(row), upc, qty));
        }
        return new ReturnAuthorisation(pkey, raNum, header, lines, now);
    }

    public String raNum() {
        return raNum;
    }

    @Override
    public long pkey() {
        return pkey;
    }

    @Override
    public LocalDateTime lastMod() {
        return lastMod;
    }

    public List<Line> lines() {
        return lines;
    }

    public String header(String field) {
        return Fields.textOrEmpty(header, field);
    }

    public void touch(LocalDateTime now) {
        lastMod = now;
    }

    /** OPEN → PARTIAL → RECEIVED by received quantity. */
    public String status() {
        if (lines.stream().allMatch(l -> l.open() == 0)) {
            return "RECEIVED";
        }
        return lines.stream().anyMatch(l -> l.received > 0) ? "PARTIAL" : "OPEN";
    }

    @Override
    public Map<String, Object> filterView() {
        return HeaderView.of(header, "pkey", pkey, "status", status(), "last_mod", lastMod);
    }

    @Override
    public Map<String, Object> headerView() {
        Map<String, Object> h = new LinkedHashMap<>(header);
        h.put("pkey", pkey);
        h.put("status", status());
        h.put("last_mod", Timestamps.format(lastMod));
        return h;
    }

    @Override
    public Map<String, Object> render(boolean includeChildren) {
        Map<String, Object> h = headerView();
        if (includeChildren) {
            h.put("radetail", ChildRows.wrap("rows", lines.stream().map(l -> l.fields).toList()));
        }
        return h;
    }

    public Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("ra_num", raNum);
        s.put("pkey", pkey);
        s.put("status", status());
        s.put("last_mod", Timestamps.format(lastMod));
        s.put("lines", lines.stream().map(Line::summary).toList());
        return s;
    }
}
