package io.cherrypick.peoplevox.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A despatch as Peoplevox holds it ({@code Despatches} + {@code Despatch packages} templates), stored as the hand-off
 * payload. The shipment for Blue Cherry is built from it at send time, so a replay uses the mappings of that moment.
 */
public record PvxDespatch(String despatchNumber, String salesOrderNumber, String carrier, String serviceType,
                          String trackingNumber, String despatchDate, String site, List<Package> packages) {

    public record Package(String packageNumber, String trackingNumber, BigDecimal weight, List<Line> lines) {
        public int units() {
            return lines.stream().mapToInt(Line::quantity).sum();
        }
    }

    public record Line(String itemCode, int quantity) {
    }

    public int units() {
        return packages.stream().mapToInt(Package::units).sum();
    }
}
