package org.pingzhi.common.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "13757311111, 13757311111",
        "137 5731 1111, 13757311111",
        "137-5731-1111, 13757311111",
        "+86 137 5731 1111, 13757311111",
        "+8613757311111, 13757311111",
        "008613757311111, 13757311111",
        "8613757311111, 13757311111",
        "１３７５７３１１１１１, 13757311111",
        "0573-85561234, 057385561234",
        "(0573) 8556 1234, 057385561234",
        "+86 573 85561234, 057385561234",
        "0086 573 8556 1234, 057385561234",
        "85561234, 85561234",
        "110, 110",
        "8612345, 8612345",
    })
    void keepsTheDigitsOfOneSpelling(String phone, String expected) {
        assertThat(PhoneNumbers.normalize(phone)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "unknown", "+", "+86", "-"})
    void hasNoNumberWithoutDigits(String phone) {
        assertThat(PhoneNumbers.normalize(phone)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"13757311111", "19912345678"})
    void recognisesMobiles(String digits) {
        assertThat(PhoneNumbers.isMobile(digits)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12757311111", "1375731111", "137573111112", "057385561234"})
    void rejectsNonMobiles(String digits) {
        assertThat(PhoneNumbers.isMobile(digits)).isFalse();
    }
}
