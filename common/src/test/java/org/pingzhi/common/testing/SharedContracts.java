package org.pingzhi.common.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Finds the shared contract files: the folder named by the system property {@value #PROPERTY}, else
 * {@code ../shared/contracts} next to the module's parent (the worktree or checkout root). Tests
 * that need them fall back to the copies under {@code contracts-samples/} on the test classpath, or
 * skip, when the folder is absent (a clone without the shared folder).
 */
public final class SharedContracts {

    public static final String PROPERTY = "pingzhi.contracts.dir";

    /** Where the committed copies of the sample files are on the test classpath. */
    public static final String SAMPLES_RESOURCE = "/contracts-samples/";

    private SharedContracts() {}

    /** The shared contracts folder, when it exists. */
    public static Optional<Path> directory() {
        String configured = System.getProperty(PROPERTY);
        Path candidate =
                configured != null && !configured.isBlank()
                        ? Paths.get(configured)
                        : Paths.get(System.getProperty("user.dir"))
                                .toAbsolutePath()
                                .getParent()
                                .resolve("../shared/contracts")
                                .normalize();
        return Files.isDirectory(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    /**
     * A file of {@code samples/}: from the shared folder when it exists, else the committed copy.
     */
    public static byte[] sample(String fileName) {
        Optional<Path> shared = directory().map(d -> d.resolve("samples").resolve(fileName));
        if (shared.isPresent() && Files.isRegularFile(shared.get())) {
            try {
                return Files.readAllBytes(shared.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return resource(SAMPLES_RESOURCE + fileName);
    }

    /** A classpath resource's bytes. */
    public static byte[] resource(String name) {
        try (InputStream in = SharedContracts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
