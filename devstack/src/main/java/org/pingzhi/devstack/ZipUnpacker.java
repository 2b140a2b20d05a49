package org.pingzhi.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks a distribution zip with one top folder into a target folder, once. The zip is unpacked
 * next to the target and renamed into place atomically, so a target that exists is complete, and
 * concurrent or aborted unpacks never leave a half-filled target behind.
 *
 * <p>Permissions: executable entries stay executable, and everything becomes readable by all users
 * (the archive has group-only config files, and the server may run as another user).
 */
public final class ZipUnpacker {

    private static final Logger LOG = LoggerFactory.getLogger(ZipUnpacker.class);
    private static final Set<PosixFilePermission> EXECUTABLE =
            PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READABLE =
            PosixFilePermissions.fromString("rw-r--r--");

    private ZipUnpacker() {}

    /** The top folder's contents in {@code target}, unpacking only if it does not exist yet. */
    public static Path unpackOnce(Path zip, Path target) {
        if (Files.isDirectory(target)) {
            return target;
        }
        if (!Files.isRegularFile(zip)) {
            throw new IllegalArgumentException("Distribution zip not found: " + zip);
        }
        Path staging =
                target.resolveSibling(target.getFileName() + ".unpacking-" + UUID.randomUUID());
        try {
            Files.createDirectories(target.getParent());
            long started = System.nanoTime();
            unpackTopFolder(zip, staging);
            if (moveIntoPlace(staging, target)) {
                LOG.info(
                        "Unpacked {} into {} in {} ms",
                        zip.getFileName(),
                        target,
                        (System.nanoTime() - started) / 1_000_000);
            } else {
                LOG.info("{} was unpacked concurrently by another process; using it", target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + zip + " into " + target, e);
        } finally {
            FileTrees.deleteQuietly(staging);
        }
    }

    private static void unpackTopFolder(Path zip, Path destination) throws IOException {
        try (FileSystem archive =
                FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
            Path top = singleTopFolder(archive.getPath("/"), zip);
            List<Path> entries;
            try (Stream<Path> walk = Files.walk(top)) {
                entries = walk.collect(Collectors.toList());
            }
            for (Path entry : entries) {
                Path out = destination.resolve(top.relativize(entry).toString());
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(out);
                    FileTrees.setPermissions(out, EXECUTABLE);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entry, out);
                    FileTrees.setPermissions(out, isExecutable(entry) ? EXECUTABLE : READABLE);
                }
            }
        }
    }

    private static Path singleTopFolder(Path root, Path zip) throws IOException {
        List<Path> tops;
        try (Stream<Path> children = Files.list(root)) {
            tops = children.collect(Collectors.toList());
        }
        if (tops.size() != 1 || !Files.isDirectory(tops.get(0))) {
            throw new IOException(zip + " must hold exactly one top folder, holds " + tops);
        }
        return tops.get(0);
    }

    private static boolean isExecutable(Path entry) throws IOException {
        return Files.readAttributes(entry, PosixFileAttributes.class)
                .permissions()
                .contains(PosixFilePermission.OWNER_EXECUTE);
    }

    /** True if {@code staging} became {@code target}, false if another unpack got there first. */
    private static boolean moveIntoPlace(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            if (!Files.isDirectory(target)) {
                throw e;
            }
            return false;
        }
    }
}
