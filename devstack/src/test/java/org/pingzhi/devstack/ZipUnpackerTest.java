package org.pingzhi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution cache: unpacked once, runnable, readable by the server's user. */
class ZipUnpackerTest {

    @TempDir Path folder;

    @Test
    void unpacksTheTopFolderKeepingExecutablesAndMakingEverythingReadable() throws IOException {
        Path home = ZipUnpacker.unpackOnce(distribution(), folder.resolve("cache/dist-1.0"));

        assertThat(home.resolve("bin/start")).hasContent("#!/bin/sh");
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/start")))
                .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Files.getPosixFilePermissions(home.resolve("config/server.yml")))
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Files.getPosixFilePermissions(home.resolve("config")))
                .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void anExistingTargetIsReusedWithoutUnpacking() throws IOException {
        Path target = folder.resolve("cache/dist-1.0");
        ZipUnpacker.unpackOnce(distribution(), target);
        Files.writeString(target.resolve("marker"), "kept");

        ZipUnpacker.unpackOnce(folder.resolve("no-such.zip"), target);

        assertThat(target.resolve("marker")).hasContent("kept");
    }

    @Test
    void concurrentUnpacksLeaveOneCompleteTargetAndNoStagingFolders() throws Exception {
        Path zip = distribution();
        Path target = folder.resolve("cache/dist-1.0");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Path> unpack = () -> ZipUnpacker.unpackOnce(zip, target);
            List<Future<Path>> results = pool.invokeAll(List.of(unpack, unpack, unpack, unpack));
            for (Future<Path> result : results) {
                assertThat(result.get()).isEqualTo(target);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(target.resolve("bin/start")).isExecutable();
        try (Stream<Path> cache = Files.list(target.getParent())) {
            assertThat(cache.map(p -> p.getFileName().toString()).collect(Collectors.toList()))
                    .containsExactly("dist-1.0");
        }
    }

    /** A zip like the Elasticsearch one: one top folder, an executable, a group-only config. */
    private Path distribution() throws IOException {
        Path zip = folder.resolve("dist-1.0.zip");
        if (Files.exists(zip)) {
            return zip;
        }
        try (FileSystem archive =
                FileSystems.newFileSystem(
                        zip, Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            Path top = Files.createDirectories(archive.getPath("/dist-1.0"));
            Path start = Files.createDirectories(top.resolve("bin")).resolve("start");
            Files.writeString(start, "#!/bin/sh");
            Files.setPosixFilePermissions(start, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path config = Files.createDirectories(top.resolve("config")).resolve("server.yml");
            Files.writeString(config, "a: 1");
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-rw----"));
        }
        return zip;
    }
}
