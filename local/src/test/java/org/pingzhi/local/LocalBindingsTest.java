package org.pingzhi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.testing.ContractFiles;

/** What the local stacks publish is reachable from this machine only. */
class LocalBindingsTest {

    private static final Pattern PORTS = Pattern.compile("(?m)^\\s+ports:\\s*\\[(.*)]\\s*$");
    private static final Pattern PORT = Pattern.compile("\"([^\"]*)\"");

    @Test
    void theEmbeddedFlinksRestApiListensOnLoopbackOnly() {
        Configuration flink = LocalStack.flinkConfiguration(new Configuration(), 18081);

        assertThat(flink.get(RestOptions.BIND_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(flink.get(RestOptions.ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(flink.get(RestOptions.PORT)).isEqualTo(18081);
    }

    @Test
    void dockerComposePublishesEveryPortOnLoopbackOnly() throws Exception {
        String compose =
                Files.readString(
                        ContractFiles.committedCopy().resolveSibling("docker-compose.yml"),
                        StandardCharsets.UTF_8);

        List<String> published =
                PORTS.matcher(compose)
                        .results()
                        .flatMap(ports -> PORT.matcher(ports.group(1)).results())
                        .map(MatchResult::group)
                        .toList();

        assertThat(published).hasSizeGreaterThanOrEqualTo(4);
        assertThat(published).allMatch(port -> port.matches("\"127\\.0\\.0\\.1:\\d+:\\d+\""));
        assertThat(compose).doesNotContainPattern("(?m)^\\s+ports:\\s*$"); // no block lists
    }
}
