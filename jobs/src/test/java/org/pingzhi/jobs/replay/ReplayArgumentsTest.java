package org.pingzhi.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayArgumentsTest {

    @Test
    void parsesEveryOption() throws Exception {
        ReplayArguments arguments =
                ReplayArguments.parse(
                        Map.of(),
                        "--hotline",
                        "h.jsonl",
                        "--police",
                        "p.jsonl",
                        "--out",
                        "out",
                        "--policy",
                        "policy.json",
                        "--rules",
                        "rules.json",
                        "--parallelism",
                        "3",
                        "--conf",
                        "pingzhi.mode=DEV",
                        "--conf",
                        "a.b=c=d");

        assertThat(arguments.hotline()).isEqualTo(Path.of("h.jsonl"));
        assertThat(arguments.police()).isEqualTo(Path.of("p.jsonl"));
        assertThat(arguments.outputDirectory()).isEqualTo(Path.of("out"));
        assertThat(arguments.policy()).isEqualTo(Path.of("policy.json"));
        assertThat(arguments.rules()).isEqualTo(Path.of("rules.json"));
        assertThat(arguments.parallelism()).isEqualTo(3);
        assertThat(arguments.configuration())
                .containsEntry("pingzhi.mode", "DEV")
                .containsEntry("a.b", "c=d");
    }

    @Test
    void defaultsToTheShippedPolicyAndParallelismTwo() throws Exception {
        ReplayArguments arguments =
                ReplayArguments.parse(Map.of(), "--hotline", "h", "--police", "p", "--out", "o");

        assertThat(arguments.policy()).isNull();
        assertThat(arguments.rules()).isNull();
        assertThat(arguments.parallelism()).isEqualTo(2);
    }

    @Test
    void namesWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> ReplayArguments.parse(Map.of(), "--police", "p", "--out", "o"))
                .hasMessageContaining("--hotline");
        assertThatThrownBy(() -> ReplayArguments.parse(Map.of(), "--hotline", "h", "--police", "p"))
                .hasMessageContaining("--out");
        assertThatThrownBy(() -> ReplayArguments.parse(Map.of(), "--hotline"))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(
                        () ->
                                ReplayArguments.parse(
                                        Map.of(),
                                        "--hotline",
                                        "h",
                                        "--police",
                                        "p",
                                        "--out",
                                        "o",
                                        "--parallelism",
                                        "0"))
                .hasMessageContaining("from 1 to");
        assertThatThrownBy(() -> ReplayArguments.parse(Map.of(), "--speed", "3"))
                .hasMessageContaining("unknown option --speed");
    }
}
