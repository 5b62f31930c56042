package io.cherrypick.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Gs1Test {
    @Test
    void knownBarcodesValidate() {
        assertThat(Gs1.isValidBarcode("036000291452")).as("UPC-A").isTrue();
        assertThat(Gs1.isValidBarcode("4006381333931")).as("EAN-13").isTrue();
        assertThat(Gs1.isValidBarcode("036000291453")).as("wrong check digit").isFalse();
        assertThat(Gs1.isValidBarcode("03600029145")).as("11 digits").isFalse();
        assertThat(Gs1.isValidBarcode("03600029145X")).isFalse();
        assertThat(Gs1.isValidBarcode(null)).isFalse();
    }

    @Test
    void ssccHasTwentyDigitsAndAValidCheckDigit() {
        String sscc = Gs1.sscc20(0, "0614141", 123456789L);
        assertThat(sscc).hasSize(20).startsWith("0000614141123456789");
        assertThat(Gs1.sscc20(1, "0614141", 123456789L)).isEqualTo("00106141411234567897");
        assertThat(Gs1.isValidSscc20(sscc)).isTrue();
        // the GS1 General Specifications example SSCC 106141411234567897
        assertThat(Gs1.isValidSscc20("00106141411234567897")).isTrue();
        assertThat(Gs1.isValidSscc20("00106141411234567898")).isFalse();
        assertThatThrownBy(() -> Gs1.sscc20(0, "0614141", 1_000_000_000L)).hasMessageContaining("does not fit");
    }
}
