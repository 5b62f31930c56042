package io.cherrypick.simulator.peoplevox.warehouse;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** A despatch of (part of) a sales order, with its packages. The despatch's tracking number is its first package's. */
public record Despatch(String despatchNumber, String salesOrderNumber, String carrier, String serviceType,
        String siteReference, LocalDateTime despatchDate, List<Package> packages) {

    public String trackingNumber() {
        return packages.isEmpty() ? null : packages.get(0).trackingNumber();
    }

    public record Package(String packageNumber, String trackingNumber, BigDecimal weight, List<PackageLine> lines) {
    }

    public record PackageLine(String itemCode, int quantity) {
    }
}
