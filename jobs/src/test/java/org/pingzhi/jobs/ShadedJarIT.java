package org.pingzhi.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The jar that goes to a production cluster holds the job and what it needs there (connectors, the
 * Elasticsearch client, Jackson), and none of the development tools: no server launchers, no
 * simulator, no test infrastructure. Runs after {@code package} (its own surefire execution in the
 * {@code verify} phase), on the shaded jar just built.
 */
class ShadedJarIT {

    /** The Pingzhi packages a job jar may hold. */
    private static final List<String> JOB_PACKAGES =
            List.of("org/pingzhi/jobs/", "org/pingzhi/common/");

    /** Development and test code, wherever it sits. */
    private static final List<String> NOT_FOR_A_CLUSTER =
            List.of("/testing/", "/local/", "/simulate/", "/devstack/");

    @Test
    void holdsTheJobAndItsConnectorsButNoDevelopmentTool() throws Exception {
        String shadedJar = System.getProperty("pingzhi.shaded.jar");
        // set only in the verify-phase execution; -Dtest=... runs it in the test phase too
        assumeTrue(shadedJar != null, "the shaded jar is checked in the verify phase");
        Path jar = Path.of(shadedJar);
        List<String> entries;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            entries = zip.stream().map(ZipEntry::getName).toList();
        }

        assertThat(entries)
                .as(jar.toString())
                .contains(
                        "org/pingzhi/jobs/CommandCenterJob.class",
                        "org/pingzhi/common/normalize/Normalizer.class",
                        "org/apache/flink/connector/kafka/source/KafkaSource.class",
                        "co/elastic/clients/elasticsearch/ElasticsearchClient.class",
                        "com/fasterxml/jackson/databind/ObjectMapper.class");
        assertThat(entries.stream().filter(developmentCode()).toList())
                .as(jar.toString())
                .isEmpty();
    }

    private static Predicate<String> developmentCode() {
        return entry ->
                entry.startsWith("simulate/")
                        || entry.startsWith("org/pingzhi/")
                                && !entry.endsWith("/")
                                && (JOB_PACKAGES.stream().noneMatch(entry::startsWith)
                                        || NOT_FOR_A_CLUSTER.stream().anyMatch(entry::contains)
                                        || entry.endsWith("Test.class"));
    }
}
