package org.pingzhi.jobs.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.devstack.ElasticsearchServer;
import org.pingzhi.jobs.testing.ElasticsearchExtension;

/** A server that cannot start fails fast, with its own words in the exception. */
class ElasticsearchServerStartFailureTest {

    @TempDir Path runDir;

    @Test
    void tooOldJavaFailsFastWithTheConsoleOutput() {
        Path zip = Path.of(System.getProperty(ElasticsearchExtension.ZIP_PROPERTY));
        // The JDK running the tests (17 on the project's machines) is too old for the server.
        assumeTrue(Runtime.version().feature() < 21, "needs tests running on a JDK older than 21");
        Path testJava = Path.of(System.getProperty("java.home"));

        long started = System.nanoTime();
        assertThatThrownBy(
                        () ->
                                ElasticsearchServer.builder(zip)
                                        .runDir(runDir)
                                        .javaHome(testJava)
                                        .startTimeout(Duration.ofSeconds(60))
                                        .start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code")
                .hasMessageContaining("The minimum required Java version is 21")
                .hasMessageContaining("console.log");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(Duration.ofSeconds(30));
        assertThat(Files.exists(runDir.resolve("data"))).as("data removed").isFalse();
    }
}
