package org.pingzhi.common.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void isTheSameInEveryJvm() {
        // 64-bit FNV-1a: fixed constants, no Object.hashCode anywhere
        assertThat(Fingerprint.ofText("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(Fingerprint.ofText("a")).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(new Fingerprint().add("a").add(1L).value())
                .isEqualTo(new Fingerprint().add("a").add(1L).value());
    }

    @Test
    void fieldBoundariesAndNullsCount() {
        assertThat(new Fingerprint().add("ab").add("c").value())
                .isNotEqualTo(new Fingerprint().add("a").add("bc").value());
        assertThat(new Fingerprint().add((String) null).value())
                .isNotEqualTo(new Fingerprint().add("").value());
        assertThat(new Fingerprint().add((List<String>) null).value())
                .isNotEqualTo(new Fingerprint().add(List.of()).value());
        assertThat(new Fingerprint().add((Double) null).value())
                .isNotEqualTo(new Fingerprint().add(0.0).value());
        assertThat(new Fingerprint().add(List.of("a", "b")).value())
                .isNotEqualTo(new Fingerprint().add(List.of("b", "a")).value());
    }
}
