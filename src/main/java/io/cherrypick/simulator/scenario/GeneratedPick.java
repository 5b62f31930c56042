package io.cherrypick.simulator.scenario;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A pick ticket made by the scenario, in Blue Cherry's terms. {@code badReason} is null for a good pick;
 * for a bad one it says why it should fail and {@code badDetail} names the offending value.
 */
public record GeneratedPick(
        String pickNum,
        String ordNum,
        String poNum,
        String altpo,
        String customer,
        String division,
        String location,
        LocalDateTime pickDate,
        LocalDateTime endDate,
        String ordType,
        String shipper,
        String currCode,
        BigDecimal frgtAmt,
        BigDecimal taxAmt,
        BigDecimal discAmt,
        PickAddress billTo,
        PickAddress shipTo,
        List<PickLine> lines,
        BadOrderReason badReason,
        String badDetail) {

    public GeneratedPick {
        lines = List.copyOf(lines);
    }

    public boolean isBad() {
        return badReason != null;
    }
}
