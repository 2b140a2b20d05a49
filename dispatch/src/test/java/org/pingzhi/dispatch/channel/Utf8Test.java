package org.pingzhi.dispatch.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void cutsChineseTextAtACharacterBoundary() {
        String text = "平湖当湖街道";

        assertThat(Utf8.cut(text, 7)).isEqualTo("平湖");
        assertThat(Utf8.cut(text, 9)).isEqualTo("平湖当");
        assertThat(Utf8.cut(text, 100)).isEqualTo(text);
    }

    @Test
    void neverSplitsASurrogatePair() {
        String text = "a\uD83D\uDE00b";

        assertThat(Utf8.cut(text, 4)).isEqualTo("a");
        assertThat(Utf8.cut(text, 5)).isEqualTo("a\uD83D\uDE00");
    }
}
