package org.pingzhi.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find the data contracts: the shared folder ({@code ../shared/contracts}) when it is
 * there, else the copy committed at the repository root ({@code contracts/}), which a test keeps
 * identical to the shared one.
 */
public final class ContractFiles {

    private ContractFiles() {}

    /** The contracts folder the tests read. */
    public static Path directory() {
        Path shared = sharedDirectory();
        return Files.isDirectory(shared) ? shared : committedCopy();
    }

    /** The folder of the sample inputs and expected outputs. */
    public static Path samples() {
        return directory().resolve("samples");
    }

    /** The bytes of a file of {@code samples/}. */
    public static byte[] sample(String fileName) {
        try {
            return Files.readAllBytes(samples().resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ../shared/contracts} beside the repository, which may be absent. */
    public static Path sharedDirectory() {
        String configured = System.getProperty("pingzhi.contracts.dir");
        return configured != null
                ? Path.of(configured)
                : projectRoot().resolve("../shared/contracts").normalize();
    }

    /** The copy committed with the project. */
    public static Path committedCopy() {
        return projectRoot().resolve("contracts");
    }

    private static Path projectRoot() {
        String configured = System.getProperty("pingzhi.project.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path folder = Path.of("").toAbsolutePath();
        while (folder != null && !Files.isDirectory(folder.resolve("contracts"))) {
            folder = folder.getParent();
        }
        if (folder == null) {
            throw new IllegalStateException(
                    "no contracts/ folder above " + Path.of("").toAbsolutePath());
        }
        return folder;
    }
}
