package org.pingzhi.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whole-tree file operations the launchers need. */
public final class FileTrees {

    private static final Logger LOG = LoggerFactory.getLogger(FileTrees.class);
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private FileTrees() {}

    /** Deletes a file or folder tree; a missing path is fine. */
    public static void deleteRecursively(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root, e);
        }
    }

    /** Like {@link #deleteRecursively} for clean-up paths where a failure must not hide another. */
    static void deleteQuietly(Path root) {
        try {
            deleteRecursively(root);
        } catch (UncheckedIOException e) {
            LOG.warn("Could not delete {}: {}", root, e.getCause().toString());
        }
    }

    static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    /** Gives a whole tree to {@code owner} (symbolic links themselves, not their targets). */
    static void chownRecursively(Path root, UserPrincipal owner) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.collect(Collectors.toList());
        }
        for (Path path : paths) {
            Files.getFileAttributeView(
                            path, FileOwnerAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setOwner(owner);
        }
    }
}
