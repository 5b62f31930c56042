package io.cherrypick.simulator.bluecherry.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** One SKU line of a pick ticket with its shipping progress. Open = booked − shipped − closed. */
public final class PickLine {
    private final Map<String, Object> fields;
    private final int lineSeq;
    private final Sku sku;
    private final String upc;
    private final int bkQty;
    private int shipped;
    private int closed;

    PickLine(Map<String, Object> fields, int lineSeq, Sku sku, String upc, int bkQty) {
        this.fields = fields;
        this.lineSeq = lineSeq;
        this.sku = sku;
        this.upc = upc;
        this.bkQty = bkQty;
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

    public int bkQty() {
        return bkQty;
    }

    public int shipped() {
        return shipped;
    }

    public int closed() {
        return closed;
    }

    public int open() {
        return bkQty - shipped - closed;
    }

    public String location() {
        return Fields.textOrEmpty(fields, "location");
    }

    public Map<String, Object> fields() {
        return fields;
    }

    public void ship(int quantity) {
        shipped += quantity;
    }

    /** Cancels whatever is still open (cmpl_code Y on a partial shipment). */
    public void closeRemainder() {
        closed += open();
    }

    void carryProgressFrom(PickLine previous) {
        shipped = previous.shipped;
        closed = previous.closed;
    }

    public Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("line_seq", lineSeq);
        s.put("upc", upc);
        s.put("bk_qty", bkQty);
        s.put("shipped", shipped);
        s.put("closed", closed);
        s.put("open", open());
        return s;
    }
}
