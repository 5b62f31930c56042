package io.cherrypick.simulator.peoplevox.warehouse;

/** One line of a sales order: its template fields plus what the warehouse has allocated and despatched. */
public final class SalesOrderLine {
    private final Record fields;
    private int allocated;
    private int despatched;

    SalesOrderLine(Record fields) {
        this.fields = fields;
    }

    public Record fields() {
        return fields;
    }

    public String line() {
        return fields.text("Line");
    }

    public String itemCode() {
        return fields.text("ItemCode");
    }

    public int quantity() {
        return fields.integer("QuantityOrdered", 0);
    }

    public int allocated() {
        return allocated;
    }

    public int despatched() {
        return despatched;
    }

    public int remaining() {
        return Math.max(0, quantity() - despatched);
    }

    void setAllocated(int allocated) {
        this.allocated = allocated;
    }

    void addDespatched(int quantity) {
        this.despatched += quantity;
    }
}
