package io.cherrypick.simulator.peoplevox.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The call log keeps enough calls for a long run's accounting (the chaos run counts rows over thousands of orders). */
class CallLogTest {

    @Test
    void keepsTheNewest200000CallsAndDropsOlderOnes() {
        CallLog log = new CallLog();
        for (int i = 1; i <= 200_005; i++) {
            log.add(new CallLog.Call("SaveData", "Sales orders", i, i, Instant.EPOCH));
        }

        List<CallLog.Call> kept = log.find("SaveData", "Sales orders");
        assertThat(kept).hasSize(200_000);
        assertThat(kept.get(0).rows()).isEqualTo(6);
        assertThat(kept.get(kept.size() - 1).rows()).isEqualTo(200_005);
    }
}
