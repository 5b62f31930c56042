package io.cherrypick.simulator.peoplevox.warehouse;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A sales order: header fields (Sales orders template), lines (Sales order items template) and its state. */
public final class SalesOrder {
    private final String number;
    private final Record header;
    private final List<SalesOrderLine> lines = new ArrayList<>();
    private OrderStatus status = OrderStatus.NEW;
    private boolean allocationHeld;
    private LocalDateTime lastModified;

    SalesOrder(String number, Record header, LocalDateTime now) {
        this.number = number;
        this.header = header;
        this.lastModified = now;
    }

    public String number() {
        return number;
    }

    public Record header() {
        return header;
    }

    public String siteReference() {
        return header.text("Site");
    }

    public List<SalesOrderLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public OrderStatus status() {
        return status;
    }

    /** Saved with SaveData Action 1 ("do not allocate"): stays New until advanced through the control API. */
    public boolean allocationHeld() {
        return allocationHeld;
    }

    public LocalDateTime lastModified() {
        return lastModified;
    }

    public boolean fullyDespatched() {
        return !lines.isEmpty() && lines.stream().allMatch(line -> line.remaining() == 0);
    }

    public boolean partlyDespatched() {
        return lines.stream().anyMatch(line -> line.despatched() > 0);
    }

    void addLine(SalesOrderLine line) {
        lines.add(line);
    }

    void setStatus(OrderStatus status, LocalDateTime now) {
        this.status = status;
        this.lastModified = now;
    }

    void holdAllocation() {
        this.allocationHeld = true;
    }

    void touch(LocalDateTime now) {
        this.lastModified = now;
    }
}
