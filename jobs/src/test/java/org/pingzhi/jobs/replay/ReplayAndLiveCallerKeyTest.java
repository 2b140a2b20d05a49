package org.pingzhi.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.testing.ContractFiles;
import org.pingzhi.jobs.CommandCenterJob;
import org.pingzhi.jobs.config.JobConfiguration;
import org.pingzhi.jobs.testing.ContractSamples;
import org.pingzhi.jobs.testing.ElasticsearchExtension;
import org.pingzhi.jobs.testing.KafkaExtension;
import org.pingzhi.jobs.testing.LiveCommandCenter;
import org.pingzhi.jobs.testing.Poll;

/**
 * A backfill must not overwrite the live job's {@code callerKey}s with other values: with the
 * secret given the way an operator gives it (a {@code --config} file, or the environment), replay
 * and the live job key every caller alike.
 */
@ExtendWith({KafkaExtension.class, ElasticsearchExtension.class})
class ReplayAndLiveCallerKeyTest {

    private static final String SECRET = "operator-secret-0123456789";

    @TempDir Path folder;

    @Test
    void replayAndTheLiveJobGiveTheSameCallerKeys() throws Exception {
        Path config = folder.resolve("pingzhi.properties");
        Files.writeString(config, "pingzhi.privacy.caller-key-secret=" + SECRET + "\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));

        Map<String, String> fromConfigFile =
                replayCallerKeys("from-file", Map.of(), "--config", config.toString());
        Map<String, String> fromEnvironment =
                replayCallerKeys(
                        "from-environment",
                        Map.of(JobConfiguration.CALLER_KEY_SECRET_VARIABLE, SECRET));
        Map<String, String> withTheDevelopmentSecret = replayCallerKeys("development", Map.of());

        assertThat(fromConfigFile).isNotEmpty().isEqualTo(fromEnvironment);
        assertThat(fromConfigFile.keySet()).isEqualTo(withTheDevelopmentSecret.keySet());
        assertThat(fromConfigFile.values())
                .doesNotContainAnyElementsOf(withTheDevelopmentSecret.values());

        Map<String, String> operatorSettings =
                JobConfiguration.fromArgs(new String[] {"--config", config.toString()}, Map.of())
                        .toMap();
        try (LiveCommandCenter center =
                LiveCommandCenter.start(
                        LiveCommandCenter.configuration("caller-key", operatorSettings),
                        CommandCenterJob::wire)) {
            center.produce(Source.HOTLINE_12345, ContractSamples.inputLines("hotline-12345.jsonl"));
            center.produce(Source.POLICE_110, ContractSamples.inputLines("police-110.jsonl"));

            Map<String, String> live =
                    Poll.until(
                            Duration.ofSeconds(120),
                            "a callerKey on every incident that has one in replay",
                            () -> callerKeys(center.documents(DocumentKind.INCIDENT)),
                            keys -> keys.keySet().containsAll(fromConfigFile.keySet()));

            assertThat(live).isEqualTo(fromConfigFile);
        }
    }

    /** The callerKey of each incident of a replay of the contract samples, by incident id. */
    private Map<String, String> replayCallerKeys(
            String run, Map<String, String> environment, String... options) throws Exception {
        Path out = folder.resolve(run);
        String[] samples = {
            "--hotline", ContractFiles.samples().resolve("hotline-12345.jsonl").toString(),
            "--police", ContractFiles.samples().resolve("police-110.jsonl").toString(),
            "--out", out.toString()
        };
        String[] args = new String[samples.length + options.length];
        System.arraycopy(samples, 0, args, 0, samples.length);
        System.arraycopy(options, 0, args, samples.length, options.length);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream discard = new PrintStream(new ByteArrayOutputStream(), true);

        int exitCode =
                ReplayCommand.run(
                        args,
                        environment,
                        discard,
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Map<String, JsonNode> incidents = new TreeMap<>();
        for (JsonNode incident :
                ContractSamples.jsonLines(ReplayFilesSink.fileOf(out, DocumentKind.INCIDENT))) {
            incidents.put(incident.get("incidentId").asText(), incident);
        }
        return callerKeys(incidents);
    }

    private static Map<String, String> callerKeys(Map<String, JsonNode> incidentsById) {
        Map<String, String> keys = new TreeMap<>();
        incidentsById.forEach(
                (id, incident) -> {
                    JsonNode key = incident.path("callerKey");
                    if (key.isTextual()) {
                        keys.put(id, key.asText());
                    }
                });
        return keys;
    }
}
