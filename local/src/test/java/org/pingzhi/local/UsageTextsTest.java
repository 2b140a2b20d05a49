package org.pingzhi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.testing.ContractFiles;
import org.pingzhi.jobs.replay.ReplayArguments;
import org.pingzhi.simulate.SimulateArguments;

/**
 * No usage text or documented command line puts a secret where {@code ps} and the shell history
 * show it: secrets come from the environment or a file readable by its owner only.
 */
class UsageTextsTest {

    /** A secret option given on a command line, or a secret typed into an {@code export}. */
    private static final Pattern SECRET_ON_A_COMMAND_LINE =
            Pattern.compile(
                    "(?i)(?:--conf|--kafka-property|-D)\\s+\\S*(?:secret|password|api-key|jaas)\\S*="
                        + "|export\\s+\\w*(?:SECRET|PASSWORD|API_KEY)=");

    @Test
    void noUsageTextSuggestsASecretOnTheCommandLine() throws Exception {
        Path root = ContractFiles.committedCopy().getParent();
        Map<String, String> texts =
                Map.of(
                        "pingzhi replay --help",
                        ReplayArguments.USAGE,
                        "pingzhi local --help",
                        LocalArguments.USAGE,
                        "pingzhi simulate --help",
                        SimulateArguments.USAGE,
                        "./pingzhi",
                        read(root.resolve("pingzhi")),
                        "README.md",
                        read(root.resolve("README.md")),
                        "docker-compose.yml",
                        read(root.resolve("docker-compose.yml")));

        texts.forEach(
                (where, text) ->
                        assertThat(
                                        SECRET_ON_A_COMMAND_LINE
                                                .matcher(text)
                                                .results()
                                                .map(MatchResult::group))
                                .as(where)
                                .isEmpty());
    }

    private static String read(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
