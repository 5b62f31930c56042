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

    @Test
    void computesUpcACheckDigits() {
        assertThat(Gs1.checkDigit("01234567890")).isEqualTo(5);   // 012345678905
        assertThat(Gs1.checkDigit("03600029145")).isEqualTo(2);   // 036000291452
        // the reference's illustrative "012345678898" has the wrong check digit
        assertThat(Gs1.withCheckDigit("01234567889")).isEqualTo("012345678899");
        assertThat(Gs1.isValidUpcA("012345678898")).isFalse();
    }

    @Test
    void computesEan13CheckDigits() {
        assertThat(Gs1.checkDigit("400638133393")).isEqualTo(1);  // 4006381333931
        assertThat(Gs1.checkDigit("590123412345")).isEqualTo(7);  // 5901234123457
        assertThat(Gs1.checkDigit("978030640615")).isEqualTo(7);  // ISBN 978-0-306-40615-7
    }

    @Test
    void validatesUpcA() {
        assertThat(Gs1.isValidUpcA("012345678905")).isTrue();
        assertThat(Gs1.isValidUpcA("036000291452")).isTrue();
        assertThat(Gs1.isValidUpcA("012345678904")).isFalse();    // wrong check digit
        assertThat(Gs1.isValidUpcA("12345678905")).isFalse();     // 11 digits
        assertThat(Gs1.isValidUpcA("01234567890A")).isFalse();
        assertThat(Gs1.isValidUpcA(null)).isFalse();
    }

    @Test
    void validatesEan13() {
        assertThat(Gs1.isValidEan13("4006381333931")).isTrue();
        assertThat(Gs1.isValidEan13("5901234123457")).isTrue();
        assertThat(Gs1.isValidEan13("5901234123458")).isFalse();
        assertThat(Gs1.isValidEan13("012345678905")).isFalse();   // a UPC-A is 12 digits
    }

    @Test
    void upcAIsAnEan13WithALeadingZero() {
        String ean = Gs1.upcAToEan13("012345678905");
        assertThat(ean).isEqualTo("0012345678905");
        assertThat(Gs1.isValidEan13(ean)).isTrue();
        assertThatThrownBy(() -> Gs1.upcAToEan13("012345678904")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("012345678904");
    }

    @Test
    void rejectsNonDigitPayloads() {
        assertThatThrownBy(() -> Gs1.checkDigit("12a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12a");
        assertThatThrownBy(() -> Gs1.checkDigit("")).isInstanceOf(IllegalArgumentException.class);
    }
}
