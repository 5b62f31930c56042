package io.cherrypick.bluecherry.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Blue Cherry pick ticket ({@code GET /api/pick?_include=all}): header fields, its {@code pickaddress} rows (ship-to
 * {@code ST}, bill-to {@code BT}) and its {@code pickdetail} lines. Read once from the JSON; the flows use these
 * accessors, mappings any field by name.
 */
public final class Pick extends JsonRecord {
    private final List<PickLine> lines;
    private final List<Address> addresses;

    private Pick(JsonNode json) {
        super(json);
        List<PickLine> l = new ArrayList<>();
        json.path("pickdetail").path("rows").forEach(row -> l.add(new PickLine(row, this)));
        this.lines = List.copyOf(l);
        List<Address> a = new ArrayList<>();
        json.path("pickaddress").path("rows").forEach(row -> a.add(new Address(row)));
        this.addresses = List.copyOf(a);
    }

    /** Reads a pick from Blue Cherry's JSON (also how Jackson and Camel's {@code unmarshal} make one). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Pick of(JsonNode json) {
        return new Pick(json);
    }

    public String getPickNum() {
        return text("pick_num");
    }

    public String getOrdNum() {
        return text("ord_num");
    }

    public String getPoNum() {
        return text("po_num");
    }

    public String getCustomer() {
        return text("customer");
    }

    public String getLocation() {
        return text("location");
    }

    public String getShipper() {
        return text("shipper");
    }

    public String getOrdStatus() {
        return text("ord_status");
    }

    public String getLastMod() {
        return text("last_mod");
    }

    public List<PickLine> getLines() {
        return lines;
    }

    /** The ship-to address (pickaddress row ST). */
    public Optional<Address> shipTo() {
        return address("ST");
    }

    /** The bill-to address (pickaddress row BT), else the ship-to. */
    public Optional<Address> billTo() {
        return address("BT").or(this::shipTo);
    }

    private Optional<Address> address(String type) {
        return addresses.stream().filter(a -> type.equalsIgnoreCase(a.text("addr_type"))).findFirst();
    }

    /** Units ordered over every line (bk_qty). */
    public int units() {
        return lines.stream().map(PickLine::quantity).filter(q -> q != null).mapToInt(BigDecimal::intValue).sum();
    }

    /** The sale value: the sum of price x bk_qty over the lines, two decimals (unreadable numbers count as 0). */
    public BigDecimal totalSale() {
        BigDecimal total = BigDecimal.ZERO;
        for (PickLine line : lines) {
            total = total.add(orZero(line.price()).multiply(orZero(line.quantity())));
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** A pickaddress row. */
    public static final class Address extends JsonRecord {
        Address(JsonNode json) {
            super(json);
        }
    }
}
