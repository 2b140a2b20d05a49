package org.pingzhi.common.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pingzhi.common.testing.SharedContracts;

/** The copies shipped with the code must not drift from the shared contract files. */
class ContractResourcesTest {

    @ParameterizedTest
    @ValueSource(strings = {"towns.tsv", "categories.tsv"})
    void shippedDirectoryIsTheContractFileByteForByte(String fileName) throws IOException {
        Path shared = sharedContracts().resolve(fileName);

        assertThat(SharedContracts.resource("/contracts/" + fileName))
                .isEqualTo(Files.readAllBytes(shared));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hotline-12345.jsonl", "police-110.jsonl", "expected-deadletter.json"})
    void committedSampleCopyIsTheContractSample(String fileName) throws IOException {
        Path shared = sharedContracts().resolve("samples").resolve(fileName);

        assertThat(SharedContracts.resource(SharedContracts.SAMPLES_RESOURCE + fileName))
                .isEqualTo(Files.readAllBytes(shared));
    }

    private static Path sharedContracts() {
        Optional<Path> directory = SharedContracts.directory();
        assumeTrue(
                directory.isPresent(),
                "no shared contracts folder (set -D" + SharedContracts.PROPERTY + ")");
        return directory.get();
    }
}
