package org.pingzhi.common.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLimitsTest {

    @Test
    void cutsByCodePoints() {
        assertThat(TextLimits.cut("新仓社区", 2)).isEqualTo("新仓");
        assertThat(TextLimits.cut("a\uD83D\uDE00b", 2)).isEqualTo("a\uD83D\uDE00");
        assertThat(TextLimits.cut("short", 100)).isEqualTo("short");
        assertThat(TextLimits.cut(null, 1)).isNull();
    }

    @Test
    void keepsWellFormedTextAsIs() {
        String text = "路灯\uD83D\uDE00";

        assertThat(TextLimits.wellFormed(text)).isSameAs(text);
    }

    @Test
    void replacesUnpairedSurrogates() {
        assertThat(TextLimits.wellFormed("\uDC00\uD800")).isEqualTo("\uFFFD\uFFFD");
        assertThat(TextLimits.wellFormed("x\uD800")).isEqualTo("x\uFFFD");
    }
}
