package org.pingzhi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the newest complete checkpoint an earlier local run left behind. */
final class LatestCheckpoint {

    private LatestCheckpoint() {}

    /** The newest {@code <job>/chk-N} folder with its {@code _metadata}, if any. */
    static Optional<Path> in(Path checkpoints) {
        if (!Files.isDirectory(checkpoints)) {
            return Optional.empty();
        }
        try (Stream<Path> folders = Files.find(checkpoints, 2, LatestCheckpoint::isComplete)) {
            return folders.max(
                    Comparator.comparing(LatestCheckpoint::modified)
                            .thenComparing(LatestCheckpoint::number));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isComplete(
            Path folder, java.nio.file.attribute.BasicFileAttributes attributes) {
        return attributes.isDirectory()
                && folder.getFileName().toString().matches("chk-\\d+")
                && Files.isRegularFile(folder.resolve("_metadata"));
    }

    private static long modified(Path folder) {
        try {
            return Files.getLastModifiedTime(folder.resolve("_metadata")).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long number(Path folder) {
        return Long.parseLong(folder.getFileName().toString().substring("chk-".length()));
    }
}
