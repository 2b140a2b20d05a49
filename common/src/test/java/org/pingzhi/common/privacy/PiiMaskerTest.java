package org.pingzhi.common.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiMaskerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // mobiles
                "报警人电话13905731234 | 报警人电话139****1234",
                "13757311111 | 137****1111",
                "call 137 5731 1111 now | call 137****1111 now",
                "137-5731-1111。 | 137****1111。",
                "+8613757311111 | +86137****1111",
                "+86 137-5731-1111 | +86 137****1111",
                "008613757311111 | 0086137****1111",
                "8613757311111 | 86137****1111",
                "电话:19912345678,或13757311111 | 电话:199****5678,或137****1111",
                // ID numbers
                "身份证330482199001011234 | 身份证330482********1234",
                "ID 33048219900101123X. | ID 330482********123X.",
                "33048219900101123x | 330482********123x",
                // landlines with area code
                "0573-85561234 | ****1234",
                "电话057385561234转 | 电话****1234转",
                "(0573) 8556 1234 | ****1234",
                "0573 8556-1234 | ****1234",
                "010-12345678 | ****5678",
                "0571-8765432 | ****5432",
                // landlines without area code
                "座机85561234 | 座机****1234",
                "拨打8556123 | 拨打****6123",
                "Tel.85561234. | Tel.****1234.",
            })
    void masksPhoneAndIdNumbers(String text, String expected) {
        assertThat(PiiMasker.mask(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // full-width digits (U+FF10..U+FF19), as an IME writes them
                "联系电话１３８１２３４５６７８ | 联系电话１３８****５６７８",
                "１３８　１２３４　５６７８ | １３８****５６７８", // ideographic spaces
                "１３８－１２３４－５６７８ | １３８****５６７８", // full-width hyphens
                "＋８６１３８１２３４５６７８ | ＋８６１３８****５６７８",
                // mixed widths
                "电话138１２３４5678 | 电话138****5678",
                "1３８1234５６７８ | 1３８****５６７８",
                "身份证３３０４８２１９９００１０１１２３Ｘ | 身份证３３０４８２********１２３Ｘ",
                "身份证３３０４８２１９９００１０１１２３ｘ | 身份证３３０４８２********１２３ｘ",
                "身份证33048219900101１２３４ | 身份证330482********１２３４",
                "座机０５７３－８５５６１２３４ | 座机****１２３４",
                "（０５７３）８５５６１２３４ | ****１２３４",
                "座机８５５６１２３４ | 座机****１２３４",
            })
    void masksFullWidthAndMixedWidthNumbers(String text, String expected) {
        assertThat(PiiMasker.mask(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026年11月28日10时",
                "2026-11-28T10:15:30+08:00",
                "工单PH2026112800101", // 13-digit run: no pattern's length
                "20261128", // a compact date, not a local number
                "19991231",
                "12345", // the hotline itself
                "拨打110、119",
                "三个月工资12000元",
                "坐标30.6985123,121.0150456", // decimals
                "1234567", // local numbers do not start with 1
                "0123456", // nor with 0
                "127573111111", // not a mobile prefix, too long
                "1375731111", // 10 digits
                "137573111112", // 12 digits
                "3304821990010112345", // 19 digits: no ID
                "33048219900101123", // 17 digits
                "85561234567", // 11 digits starting 8
                "２０２６年１１月２８日", // full-width date
                "２０２６１１２８", // full-width compact date
                "工单ＰＨ２０２６１１２８００１０１", // 13 full-width digits
                "1275731111１", // 11 digits, one full-width, no mobile prefix
                "３３０４８２１９９００１０１１２３４５", // 19 full-width digits
            })
    void leavesOtherNumbersAlone(String text) {
        assertThat(PiiMasker.mask(text)).isEqualTo(text);
    }

    @Test
    void masksTheRecordsOwnPersonName() {
        assertThat(PiiMasker.mask("我叫张三丰,张三丰的电话13757311111", "张三丰"))
                .isEqualTo("我叫**,**的电话137****1111");
        assertThat(PiiMasker.mask("我叫张三丰", " 张三丰 ")).isEqualTo("我叫**");
    }

    @Test
    void doesNotSearchForOneCharacterNames() {
        assertThat(PiiMasker.mask("李子园小区", "李")).isEqualTo("李子园小区");
        assertThat(PiiMasker.mask("李子园小区", (String) null)).isEqualTo("李子园小区");
    }

    @Test
    void cutsToFiveHundredCodePointsAfterMasking() {
        String text = "x".repeat(495) + "13757311111" + "y".repeat(100);

        String masked = PiiMasker.mask(text);

        assertThat(masked).hasSize(500).startsWith("x".repeat(495)).endsWith("137**");
    }

    @Test
    void neverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00"; // one code point, two chars
        String text = emoji.repeat(600);

        String masked = PiiMasker.mask(text);

        assertThat(masked.codePointCount(0, masked.length())).isEqualTo(500);
        assertThat(masked).hasSize(1000).isEqualTo(emoji.repeat(500));
    }

    @Test
    void replacesLoneSurrogates() {
        assertThat(PiiMasker.mask("a\uD800b\uDC00c")).isEqualTo("a\uFFFDb\uFFFDc");
    }

    @Test
    void keepsNull() {
        assertThat(PiiMasker.mask(null)).isNull();
    }
}
