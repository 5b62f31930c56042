package io.cherrypick.simulator.bluecherry.model;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/** A pick ticket: the header, its bill-to/ship-to addresses and its SKU lines, with shipping state. */
public final class Pick implements ServedRecord {
    private static final Set<String> CHILDREN = Set.of("pickaddress", "pickdetail");
    /** Header fields the simulator owns; control-API input for them is ignored. */
    private static final Set<String> ASSIGNED = Set.of("pkey", "pick_num", "last_mod", "ord_status");

    private final long pkey;
    private final String pickNum;
    private final Map<String, Object> header;
    private List<Map<String, Object>> addresses;
    private List<PickLine> lines;
    private PickStatus status = PickStatus.OPEN;
    private LocalDateTime lastMod;

    private Pick(long pkey, String pickNum, Map<String, Object> header) {
        this.pkey = pkey;
        this.pickNum = pickNum;
        this.header = header;
    }

    /** A new open pick from control-API input in the API's shape. */
    public static Pick create(long pkey, String pickNum, Map<String, ?> input, LongSupplier linePkeys, LocalDateTime now) {
        Map<String, Object> header = Fields.fill(Templates.PICK_HEADER, input, CHILDREN);
        header.put("pick_num", pickNum);
        Pick pick = new Pick(pkey, pickNum, header);
        Fields.requireText(header, "location", pick.name());
        if (header.get("pick_date") == null) {
            header.put("pick_date", Timestamps.format(now));
        }
        List<Map<String, Object>> detailRows = ChildRows.of(input, "pickdetail", "rows");
        if (detailRows.isEmpty()) {
            throw new IllegalArgumentException(pick.name() + ": pickdetail.rows must contain at least one line");
        }
        pick.lines = pick.buildLines(detailRows, linePkeys, Map.of());
        pick.addresses = buildAddresses(ChildRows.of(input, "pickaddress", "rows"));
        pick.lastMod = now;
        return pick;
    }

    /**
     * Applies a modification: header fields present in {@code changes}, and full replacement of the lines and/or
     * addresses when given. Lines keep their shipping progress by {@code line_seq}.
     */
    public void modify(Map<String, ?> changes, LongSupplier linePkeys, LocalDateTime now) {
        List<PickLine> newLines = lines;
        if (ChildRows.present(changes, "pickdetail")) {
            Map<Integer, PickLine> previous = new HashMap<>();
            lines.forEach(l -> previous.put(l.lineSeq(), l));
            newLines = buildLines(ChildRows.of(changes, "pickdetail", "rows"), linePkeys, previous);
            if (newLines.isEmpty()) {
                throw new IllegalArgumentException(name() + ": pickdetail.rows must contain at least one line");
            }
        }
        if (changes.containsKey("location")) {
            Fields.requireText(changes, "location", name());
        }
        changes.forEach((key, value) -> {
            if (!CHILDREN.contains(key) && !ASSIGNED.contains(key)) {
                header.put(key, value);
            }
        });
        lines = newLines;
        if (ChildRows.present(changes, "pickaddress")) {
            addresses = buildAddresses(ChildRows.of(changes, "pickaddress", "rows"));
        }
        if (status != PickStatus.VOID && status != PickStatus.CANCELLED) {
            status = statusFromLines();
        }
        lastMod = now;
    }

    /** Sets the shipping state from the lines after a shipment. */
    public void recordShipment(String invNum, LocalDateTime now) {
        header.put("inv_num", invNum);
        status = statusFromLines();
        lastMod = now;
    }

    /** Void or cancel: the pick can no longer ship. */
    public void end(PickStatus endState, LocalDateTime now) {
        status = endState;
        lastMod = now;
    }

    private PickStatus statusFromLines() {
        boolean allDone = lines.stream().allMatch(l -> l.open() == 0);
        if (allDone) {
            return lines.stream().anyMatch(l -> l.closed() > 0) ? PickStatus.CLOSED : PickStatus.SHIPPED;
        }
        return lines.stream().anyMatch(l -> l.shipped() > 0) ? PickStatus.PARTIAL : PickStatus.OPEN;
    }

    private List<PickLine> buildLines(List<Map<String, Object>> rows, LongSupplier linePkeys, Map<Integer, PickLine> previous) {
        String headerLocation = Fields.textOrEmpty(header, "location");
        Set<Integer> seen = new HashSet<>();
        List<PickLine> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            Long seq = Fields.wholeNumber(row, "line_seq");
            int lineSeq = seq == null ? i + 1 : seq.intValue();
            String lineName = name() + " line_seq " + lineSeq;
            if (!seen.add(lineSeq)) {
                throw new IllegalArgumentException(lineName + ": line_seq appears twice");
            }
            Fields.requireText(row, "style", lineName);
            Fields.requireText(row, "size_desc", lineName);
            String upc = Fields.requireText(row, "upc", lineName);
            int bkQty = Fields.requireQuantity(row, "bk_qty", lineName);
            Map<String, Object> f = Fields.fill(Templates.PICK_DETAIL, row, Set.of());
            PickLine before = previous.get(lineSeq);
            f.put("pkey", before != null ? before.fields().get("pkey") : linePkeys.getAsLong());
            f.put("pick_num", pickNum);
            f.put("line_seq", lineSeq);
            f.put("bk_qty", bkQty);
            if (Fields.isBlank(row, "location")) {
                f.put("location", headerLocation);
            }
            if (!row.containsKey("total_qty")) {
                f.put("total_qty", bkQty);
            }
            if (!row.containsKey("org_color")) {
                f.put("org_color", Fields.textOrEmpty(row, "color_code"));
            }
            PickLine line = new PickLine(f, lineSeq, Sku.of(row), upc, bkQty);
            if (before != null) {
                if (bkQty < before.shipped() + before.closed()) {
                    throw new IllegalArgumentException(lineName + ": bk_qty " + bkQty
                            + " is below the quantity already shipped or closed (" + (before.shipped() + before.closed()) + ")");
                }
                line.carryProgressFrom(before);
            }
            out.add(line);
        }
        return out;
    }

    private static List<Map<String, Object>> buildAddresses(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> Fields.fill(Templates.PICK_ADDRESS, r, Set.of())).toList();
    }

    public String name() {
        return "pick_num " + pickNum;
    }

    @Override
    public long pkey() {
        return pkey;
    }

    public String pickNum() {
        return pickNum;
    }

    public PickStatus status() {
        return status;
    }

    @Override
    public LocalDateTime lastMod() {
        return lastMod;
    }

    public List<PickLine> lines() {
        return lines;
    }

    public PickLine line(int lineSeq) {
        return lines.stream().filter(l -> l.lineSeq() == lineSeq).findFirst().orElse(null);
    }

    public String header(String field) {
        return Fields.textOrEmpty(header, field);
    }

    /** The ship-to e-mail (falling back to bill-to) that shipment notifications go to; empty when none. */
    public String notificationEmail() {
        for (String type : List.of("ST", "BT")) {
            for (Map<String, Object> a : addresses) {
                if (type.equalsIgnoreCase(Fields.textOrEmpty(a, "addr_type")) && !Fields.isBlank(a, "email")) {
                    return Fields.textOrEmpty(a, "email");
                }
            }
        }
        return "";
    }

    @Override
    public Map<String, Object> filterView() {
        return HeaderView.of(header, "pkey", pkey, "ord_status", status.code(), "last_mod", lastMod);
    }

    /** Header fields as served; {@link #filterView()} is what {@code $filter} looks at. */
    @Override
    public Map<String, Object> headerView() {
        Map<String, Object> h = new LinkedHashMap<>(header);
        h.put("pkey", pkey);
        h.put("ord_status", status.code());
        h.put("last_mod", Timestamps.format(lastMod));
        return h;
    }

    @Override
    public Map<String, Object> render(boolean includeChildren) {
        Map<String, Object> h = headerView();
        if (includeChildren) {
            h.put("pickaddress", ChildRows.wrap("rows", addresses));
            h.put("pickdetail", ChildRows.wrap("rows", lines.stream().map(PickLine::fields).toList()));
        }
        return h;
    }

    public Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("pick_num", pickNum);
        s.put("pkey", pkey);
        s.put("ord_num", header("ord_num"));
        s.put("location", header("location"));
        s.put("status", status.name());
        s.put("ord_status", status.code());
        s.put("last_mod", Timestamps.format(lastMod));
        s.put("lines", lines.stream().map(PickLine::summary).toList());
        return s;
    }
}
