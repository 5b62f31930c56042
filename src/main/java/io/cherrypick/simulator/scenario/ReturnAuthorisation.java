package io.cherrypick.simulator.scenario;

import java.time.LocalDate;
import java.util.List;

/** A return authorisation (RA) raised in Blue Cherry for lines of a despatched pick ticket. */
public record ReturnAuthorisation(
        String raNum,
        String ordNum,
        String pickNum,
        String customer,
        String location,
        String reasonCode,
        LocalDate raDate,
        List<Line> rows) {

    public ReturnAuthorisation {
        rows = List.copyOf(rows);
    }

    public record Line(int lineSeq, String style, String colorCode, String lblCode, String dimension,
                       String sizeDesc, String upc, int raQty) {
    }
}
