package org.pingzhi.common.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed copy of the contracts must not drift from the shared, authoritative one. */
class ContractCopyTest {

    @Test
    void theCommittedCopyIsIdenticalToTheSharedContracts() throws IOException {
        Path shared = ContractFiles.sharedDirectory();
        assumeTrue(Files.isDirectory(shared), "no shared contracts folder beside the project");
        Path copy = ContractFiles.committedCopy();

        List<Path> sharedFiles = relativeFiles(shared);
        assertThat(relativeFiles(copy)).containsExactlyElementsOf(sharedFiles);
        for (Path file : sharedFiles) {
            assertThat(Files.mismatch(shared.resolve(file), copy.resolve(file)))
                    .as("byte difference in %s", file)
                    .isEqualTo(-1L);
        }
    }

    private static List<Path> relativeFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
