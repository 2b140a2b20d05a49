package org.pingzhi.common.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pingzhi.common.testing.ContractFiles;

/** The directories shipped with the code must not drift from the contract files. */
class ContractResourcesTest {

    @ParameterizedTest
    @ValueSource(strings = {"towns.tsv", "categories.tsv"})
    void shippedDirectoryIsTheContractFileByteForByte(String fileName) throws IOException {
        try (InputStream shipped = getClass().getResourceAsStream("/contracts/" + fileName)) {
            assertThat(shipped).as("classpath resource /contracts/%s", fileName).isNotNull();
            assertThat(shipped.readAllBytes())
                    .isEqualTo(Files.readAllBytes(ContractFiles.directory().resolve(fileName)));
        }
    }
}
