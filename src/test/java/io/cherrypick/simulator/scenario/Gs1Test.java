package io.cherrypick.simulator.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Gs1Test {

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
