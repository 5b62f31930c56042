package io.cherrypick.ops.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Latency percentiles are nearest-rank, in seconds to a tenth. */
class PercentileTest {
    @Test
    void nearestRankInSeconds() {
        long[] twenty = new long[20];
        for (int i = 0; i < 20; i++) {
            twenty[i] = (20 - i) * 1000L; // given out of order
        }
        assertThat(ChartData.percentile(50, twenty)).isEqualTo(10.0);
        assertThat(ChartData.percentile(95, twenty)).isEqualTo(19.0);
        assertThat(ChartData.percentile(50, 840)).isEqualTo(0.8);
        assertThat(ChartData.percentile(95, 840, 1490)).isEqualTo(1.5);
        assertThat(ChartData.percentile(50)).isNull();
    }
}
