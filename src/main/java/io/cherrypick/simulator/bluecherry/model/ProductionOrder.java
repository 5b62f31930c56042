package io.cherrypick.simulator.bluecherry.model;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/** A purchase / production order by stage, with receipt progress per line (stage 3 = open to receive). */
public final class ProductionOrder implements ServedRecord {
    private static final Set<String> CHILDREN = Set.of("productionorderaddressbystage", "productionorderdetailbystage");

    private final long pkey;
    private final String prodNum;
    private final Map<String, Object> header;
    private final List<Map<String, Object>> addresses;
    private final List<Line> lines;
    private LocalDateTime lastMod;

    /** One SKU line; open = prod_qty − received (never below zero). */
    public static final class Line {
        private final Map<String, Object> fields;
        private final String prodLine;
        private final Sku sku;
        private final String upc;
        private final int prodQty;
        private int received;

        Line(Map<String, Object> fields, String prodLine, Sku sku, String upc, int prodQty) {
            this.fields = fields;
            this.prodLine = prodLine;
            this.sku = sku;
            this.upc = upc;
            this.prodQty = prodQty;
        }

        public String prodLine() {
            return prodLine;
        }

        public Sku sku() {
            return sku;
        }

        public String upc() {
            return upc;
        }

        public int open() {
            return Math.max(0, prodQty - received);
        }

        public void receive(int quantity) {
            received += quantity;
        }

        Map<String, Object> summary() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("prod_line", prodLine);
            s.put("upc", upc);
            s.put("prod_qty", prodQty);
            s.put("received", received);
            s.put("open", open());
            return s;
        }
    }

    private ProductionOrder(long pkey, String prodNum, Map<String, Object> header, List<Map<String, Object>> addresses,
                            List<Line> lines, LocalDateTime lastMod) {
        this.pkey = pkey;
        this.prodNum = prodNum;
        this.header = header;
        this.addresses = addresses;
        this.lines = lines;
        this.lastMod = lastMod;
    }

    public static ProductionOrder create(long pkey, Map<String, ?> input, LongSupplier linePkeys, LocalDateTime now) {
        String prodNum = Fields.requireText(input, "prod_num", "production order");
        String name = "prod_num " + prodNum;
        Map<String, Object> header = Fields.fill(Templates.PRODUCTION_ORDER_HEADER, input, CHILDREN);
        header.put("prod_num", prodNum);
        if (header.get("stage_num") != null) {
            header.put("stage_num", Fields.textOrEmpty(header, "stage_num"));
        }
        if (header.get("orgentdate") == null) {
            header.put("orgentdate", Timestamps.format(now));
        }
        List<Map<String, Object>> rows = ChildRows.of(input, "productionorderdetailbystage", "rows");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(name + ": productionorderdetailbystage.rows must contain at least one line");
        }
        Set<String> seen = new HashSet<>();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            String prodLine = Fields.isBlank(row, "prod_line") ? String.valueOf(i + 1) : Fields.textOrEmpty(row, "prod_line");
            String lineName = name + " prod_line " + prodLine;
            if (!seen.add(prodLine)) {
                throw new IllegalArgumentException(lineName + ": prod_line appears twice");
            }
            Fields.requireText(row, "style", lineName);
            Fields.requireText(row, "size_desc", lineName);
            String upc = Fields.requireText(row, "upc", lineName);
            int qty = Fields.requireQuantity(row, "prod_qty", lineName);
            Map<String, Object> f = Fields.fill(Templates.PRODUCTION_ORDER_DETAIL, row, Set.of());
            f.put("pkey", linePkeys.getAsLong());
            f.put("prod_line", prodLine);
            f.put("prod_qty", qty);
            if (Fields.isBlank(row, "location")) {
                f.put("location", "");
            }
            lines.add(new Line(f, prodLine, Sku.of(row), upc, qty));
        }
        List<Map<String, Object>> addresses = ChildRows.of(input, "productionorderaddressbystage", "rows").stream()
                .map(r -> Fields.fill(Templates.PRODUCTION_ORDER_ADDRESS, r, Set.of())).toList();
        return new ProductionOrder(pkey, prodNum, header, addresses, lines, now);
    }

    public String prodNum() {
        return prodNum;
    }

    public String stageNum() {
        return Fields.textOrEmpty(header, "stage_num");
    }

    @Override
    public long pkey() {
        return pkey;
    }

    @Override
    public LocalDateTime lastMod() {
        return lastMod;
    }

    public Line line(String prodLine) {
        return lines.stream().filter(l -> l.prodLine().equals(prodLine)).findFirst().orElse(null);
    }

    public void touch(LocalDateTime now) {
        lastMod = now;
    }

    /** OPEN, PARTIAL or RECEIVED — simulator bookkeeping, not an API field. */
    public String receiptStatus() {
        if (lines.stream().allMatch(l -> l.open() == 0)) {
            return "RECEIVED";
        }
        return lines.stream().anyMatch(l -> l.received > 0) ? "PARTIAL" : "OPEN";
    }

    @Override
    public Map<String, Object> filterView() {
        return HeaderView.of(header, "pkey", pkey, "last_mod", lastMod);
    }

    @Override
    public Map<String, Object> headerView() {
        Map<String, Object> h = new LinkedHashMap<>(header);
        h.put("pkey", pkey);
        h.put("last_mod", Timestamps.format(lastMod));
        return h;
    }

    @Override
    public Map<String, Object> render(boolean includeChildren) {
        Map<String, Object> h = headerView();
        if (includeChildren) {
            h.put("productionorderaddressbystage", ChildRows.wrap("rows", addresses));
            h.put("productionorderdetailbystage", ChildRows.wrap("rows", lines.stream().map(l -> l.fields).toList()));
        }
        return h;
    }

    public Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("prod_num", prodNum);
        s.put("pkey", pkey);
        s.put("stage_num", stageNum());
        s.put("status", receiptStatus());
        s.put("last_mod", Timestamps.format(lastMod));
        s.put("lines", lines.stream().map(Line::summary).toList());
        return s;
    }
}
