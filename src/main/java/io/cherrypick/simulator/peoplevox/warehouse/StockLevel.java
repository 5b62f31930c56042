package io.cherrypick.simulator.peoplevox.warehouse;

/** Stock of one item at one site. Available is derived: on hand minus allocated. */
public final class StockLevel {
    private final String itemCode;
    private final String siteReference;
    private int onHand;
    private int allocated;

    StockLevel(String itemCode, String siteReference) {
        this.itemCode = itemCode;
        this.siteReference = siteReference;
    }

    public String itemCode() {
        return itemCode;
    }

    public String siteReference() {
        return siteReference;
    }

    public int onHand() {
        return onHand;
    }

    public int allocated() {
        return allocated;
    }

    public int available() {
        return onHand - allocated;
    }

    void setOnHand(int onHand) {
        this.onHand = onHand;
    }

    void setAllocated(int allocated) {
        this.allocated = allocated;
    }
}
