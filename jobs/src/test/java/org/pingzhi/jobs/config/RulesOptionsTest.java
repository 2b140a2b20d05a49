package org.pingzhi.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.common.rules.InvalidRulesException;
import org.pingzhi.common.rules.RulesFileParser;

class RulesOptionsTest {

    @TempDir Path directory;

    @Test
    void withoutTheOptionTheShippedRulesAreInForce() {
        assertThat(RulesOptions.rules(new Configuration()))
                .isEqualTo(RulesFileParser.loadDefault());
    }

    @Test
    void aGivenFileIsReadAndValidated() throws Exception {
        Path valid =
                Files.writeString(
                        directory.resolve("valid.json"),
                        "{\"version\": \"v2\", \"rules\": [{\"id\": \"hot\", \"kind\":"
                                + " \"HOTSPOT\", \"severity\": \"INFO\", \"level\": \"TOWN\","
                                + " \"key\": [\"townCode\"], \"threshold\": 2, \"window\":"
                                + " \"PT10M\"}]}");
        Path invalid =
                Files.writeString(
                        directory.resolve("invalid.json"),
                        "{\"version\": \"v3\", \"rules\": [{\"id\": \"hot\", \"kind\":"
                                + " \"HOTSPOT\", \"severity\": \"INFO\", \"level\": \"TOWN\","
                                + " \"key\": [\"townCode\"], \"threshold\": 1, \"window\":"
                                + " \"PT10M\"}]}");
        Configuration configuration = new Configuration();

        configuration.set(RulesOptions.RULES_FILE, valid.toString());
        assertThat(RulesOptions.rules(configuration).version()).isEqualTo("v2");

        configuration.set(RulesOptions.RULES_FILE, invalid.toString());
        assertThatThrownBy(() -> RulesOptions.rules(configuration))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("hot")
                .hasMessageContaining("threshold");
    }
}
