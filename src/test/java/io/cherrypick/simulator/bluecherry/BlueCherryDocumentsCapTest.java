package io.cherrypick.simulator.bluecherry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Posted documents are kept for the control API only: at most {@link BlueCherryState#MAX_DOCUMENTS} of each list, the
 * newest, even under a larger max-records (a day's stock overlays filled a 512 MB simulator's heap in the soak).
 */
class BlueCherryDocumentsCapTest {
    @Test
    void eachListOfPostedDocumentsKeepsTheNewestTenThousandWhateverMaxRecordsSays() {
        BlueCherryState state = new BlueCherryState();
        int posted = BlueCherryState.MAX_DOCUMENTS + 25;
        for (int i = 1; i <= posted; i++) {
            state.adjustments().add(Map.of("adj_num", "PVX" + i));
        }
        state.shipments().add(Map.of("isa_num", "1"));

        state.trim(100_000);

        assertThat(state.adjustments()).hasSize(BlueCherryState.MAX_DOCUMENTS);
        assertThat(state.adjustments().get(0)).containsEntry("adj_num", "PVX26");
        assertThat(state.adjustments().get(BlueCherryState.MAX_DOCUMENTS - 1)).containsEntry("adj_num", "PVX" + posted);
        assertThat(state.shipments()).hasSize(1);

        state.trim(3);
        assertThat(state.adjustments()).as("a smaller max-records still counts").hasSize(3);
    }
}
