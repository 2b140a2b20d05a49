package org.pingzhi.jobs.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.devstack.ElasticsearchProbe;
import org.pingzhi.devstack.ElasticsearchServer;
import org.pingzhi.devstack.FileTrees;
import org.pingzhi.devstack.ServerUser;
import org.pingzhi.jobs.testing.ElasticsearchExtension;

/**
 * A server started from folders inside a private home (mode 700), as {@code ./pingzhi local} does
 * with its data folder: it starts, and no folder on the way changes its mode. As root the server
 * runs as an unprivileged user, who cannot enter the home, so its files live elsewhere.
 */
class ElasticsearchServerPrivateHomeTest {

    @TempDir Path parent;

    private Path home;
    private String realHome;

    @BeforeEach
    void privateHome() throws Exception {
        home = Files.createDirectory(parent.resolve("home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        // the default unpack folder is ~/.cache/pingzhi: let it be this private home's
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        System.setProperty("user.home", realHome);
    }

    @Test
    void startsFromAPrivateHomeWithoutLooseningAnyFolder() throws Exception {
        Path zip = Path.of(System.getProperty(ElasticsearchExtension.ZIP_PROPERTY));
        Path runDir = home.resolve("data/elasticsearch");
        Map<Path, String> modesBefore = modesUpTo(home);

        ElasticsearchServer server = ElasticsearchServer.builder(zip).runDir(runDir).start();
        try {
            assertThat(new ElasticsearchProbe(URI.create(server.httpUrl())).isYellowOrGreen())
                    .isTrue();
            assertThat(modesUpTo(home)).isEqualTo(modesBefore);
            if (ServerUser.runningAsRoot()) {
                assertThat(server.runDir().startsWith(home))
                        .as(server.runDir().toString())
                        .isFalse();
                assertThat(server.esHome().startsWith(home))
                        .as(server.esHome().toString())
                        .isFalse();
            }
        } finally {
            server.close();
            if (!server.runDir().startsWith(home)) {
                FileTrees.deleteRecursively(server.runDir());
            }
        }
        assertThat(modesUpTo(home)).isEqualTo(modesBefore);
    }

    /** The mode of {@code folder} and of each of its parents. */
    private static Map<Path, String> modesUpTo(Path folder) throws Exception {
        Map<Path, String> modes = new LinkedHashMap<>();
        for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
            modes.put(p, PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        }
        return modes;
    }
}
