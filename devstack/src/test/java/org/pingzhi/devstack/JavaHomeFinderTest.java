package org.pingzhi.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JDK discovery for Elasticsearch (21+) on a fake JVM folder. */
class JavaHomeFinderTest {

    @TempDir Path jvms;

    @Test
    void picksTheNewestJdkThatIsNewEnough() throws IOException {
        fakeJdk("java-17-openjdk-amd64", "17.0.15");
        Path jdk25 = fakeJdk("temurin-25-jdk-amd64", "25.0.3");
        fakeJdk("java-21-openjdk-amd64", "21.0.7");
        Files.createDirectories(jvms.resolve("openjdk-17")); // no release file: not a JDK

        assertThat(finder(Map.of()).find(21)).isEqualTo(jdk25);
    }

    @Test
    void javaHomeCountsWhenNewEnough() throws IOException {
        Path elsewhere = Files.createDirectories(jvms.resolve("elsewhere"));
        Path javaHome = fakeJdk(elsewhere, "jdk-21", "21.0.7");
        fakeJdk("java-17-openjdk-amd64", "17.0.15");

        assertThat(finder(Map.of("JAVA_HOME", javaHome.toString())).find(21)).isEqualTo(javaHome);
    }

    @Test
    void esJavaHomeWinsOverEverythingElse() throws IOException {
        fakeJdk("temurin-25-jdk-amd64", "25.0.3");
        Path explicit = fakeJdk("java-21-openjdk-amd64", "21.0.7");

        assertThat(finder(Map.of("ES_JAVA_HOME", explicit.toString())).find(21))
                .isEqualTo(explicit);
    }

    @Test
    void tooOldEsJavaHomeIsRefused() throws IOException {
        Path old = fakeJdk("java-17-openjdk-amd64", "17.0.15");

        assertThatThrownBy(() -> finder(Map.of("ES_JAVA_HOME", old.toString())).find(21))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ES_JAVA_HOME=" + old)
                .hasMessageContaining("Java 17");
    }

    @Test
    void noSuitableJdkNamesWhatWasSearched() throws IOException {
        Path jdk17 = fakeJdk("java-17-openjdk-amd64", "17.0.15");

        assertThatThrownBy(() -> finder(Map.of("JAVA_HOME", jdk17.toString())).find(21))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No JDK 21+ found")
                .hasMessageContaining("ES_JAVA_HOME is not set")
                .hasMessageContaining(jvms.toString())
                .hasMessageContaining(jdk17 + " (Java 17)");
    }

    @Test
    void releaseVersionsOfEveryStyleAreUnderstood() throws IOException {
        assertThat(JavaHomeFinder.featureVersion(fakeJdk("a", "1.8.0_292"))).hasValue(8);
        assertThat(JavaHomeFinder.featureVersion(fakeJdk("b", "21"))).hasValue(21);
        assertThat(JavaHomeFinder.featureVersion(fakeJdk("c", "26-ea"))).hasValue(26);
        assertThat(JavaHomeFinder.featureVersion(jvms.resolve("missing"))).isEmpty();
    }

    private JavaHomeFinder finder(Map<String, String> environment) {
        return new JavaHomeFinder(environment, List.of(jvms));
    }

    private Path fakeJdk(String name, String version) throws IOException {
        return fakeJdk(jvms, name, version);
    }

    private static Path fakeJdk(Path parent, String name, String version) throws IOException {
        Path home = Files.createDirectories(parent.resolve(name));
        Files.writeString(
                home.resolve("release"),
                "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\nOS_NAME=\"Linux\"\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
