package org.pingzhi.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds a JDK of a minimum feature version for a child process (Elasticsearch needs 21+ while
 * Pingzhi itself runs on 17): {@code ES_JAVA_HOME} if set, else the newest JDK among {@code
 * JAVA_HOME} and the installed JDK folders. A JDK is a folder with {@code bin/java} and a {@code
 * release} file naming its {@code JAVA_VERSION}.
 */
public final class JavaHomeFinder {

    public static final String ES_JAVA_HOME = "ES_JAVA_HOME";
    public static final String JAVA_HOME = "JAVA_HOME";
    public static final Path SYSTEM_JVM_FOLDER = Path.of("/usr/lib/jvm");

    private final Map<String, String> environment;
    private final List<Path> searchFolders;

    public JavaHomeFinder(Map<String, String> environment, List<Path> searchFolders) {
        this.environment = Map.copyOf(environment);
        this.searchFolders = List.copyOf(searchFolders);
    }

    /** The process environment and the system's JVM folder. */
    public static JavaHomeFinder fromSystem() {
        return new JavaHomeFinder(System.getenv(), List.of(SYSTEM_JVM_FOLDER));
    }

    /**
     * The Java home to use, never older than {@code minimumFeatureVersion}.
     *
     * @throws IllegalStateException naming {@code ES_JAVA_HOME} and everything searched when no
     *     suitable JDK exists
     */
    public Path find(int minimumFeatureVersion) {
        String explicit = environment.get(ES_JAVA_HOME);
        if (explicit != null && !explicit.isBlank()) {
            return checkExplicit(Path.of(explicit), minimumFeatureVersion);
        }
        List<Jdk> candidates = candidates();
        return candidates.stream()
                .filter(jdk -> jdk.featureVersion() >= minimumFeatureVersion)
                .max(Comparator.comparingInt(Jdk::featureVersion))
                .map(Jdk::home)
                .orElseThrow(() -> noneFound(minimumFeatureVersion, candidates));
    }

    /** The feature version (17, 21, 25 …) a Java home's {@code release} file declares. */
    public static OptionalInt featureVersion(Path javaHome) {
        Path release = javaHome.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(javaHome.resolve("bin/java"))) {
            return OptionalInt.empty();
        }
        try (Stream<String> lines = Files.lines(release, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION="))
                    .findFirst()
                    .map(line -> parseFeatureVersion(line.substring("JAVA_VERSION=".length())))
                    .orElse(OptionalInt.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + release, e);
        }
    }

    /** "25.0.3" → 25, "21" → 21, "1.8.0_292" → 8, "26-ea" → 26. */
    static OptionalInt parseFeatureVersion(String quotedVersion) {
        String[] parts = quotedVersion.replace("\"", "").trim().split("[.\\-+_]");
        try {
            int first = Integer.parseInt(parts[0]);
            return OptionalInt.of(
                    first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first);
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private Path checkExplicit(Path home, int minimumFeatureVersion) {
        OptionalInt version = featureVersion(home);
        if (version.isEmpty()) {
            throw new IllegalStateException(
                    ES_JAVA_HOME
                            + "="
                            + home
                            + " is not a JDK (no bin/java or no release file with JAVA_VERSION).");
        }
        if (version.getAsInt() < minimumFeatureVersion) {
            throw new IllegalStateException(
                    String.format(
                            "%s=%s is Java %d; Java %d or newer is needed.",
                            ES_JAVA_HOME, home, version.getAsInt(), minimumFeatureVersion));
        }
        return home;
    }

    private List<Jdk> candidates() {
        List<Path> homes = new ArrayList<>();
        Optional.ofNullable(environment.get(JAVA_HOME))
                .filter(value -> !value.isBlank())
                .map(Path::of)
                .ifPresent(homes::add);
        for (Path folder : searchFolders) {
            homes.addAll(childrenOf(folder));
        }
        List<Jdk> jdks = new ArrayList<>();
        for (Path home : homes) {
            featureVersion(home).ifPresent(version -> jdks.add(new Jdk(home, version)));
        }
        return jdks;
    }

    private static List<Path> childrenOf(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    private IllegalStateException noneFound(int minimumFeatureVersion, List<Jdk> found) {
        String javaHome = environment.getOrDefault(JAVA_HOME, "");
        String foundText =
                found.isEmpty()
                        ? "no JDK at all"
                        : found.stream()
                                .map(jdk -> jdk.home() + " (Java " + jdk.featureVersion() + ")")
                                .collect(Collectors.joining(", "));
        return new IllegalStateException(
                String.format(
                        "No JDK %d+ found. %s is not set, JAVA_HOME is %s, and the search of %s"
                                + " found %s. Install a JDK %d or newer, or set %s to one.",
                        minimumFeatureVersion,
                        ES_JAVA_HOME,
                        javaHome.isBlank() ? "not set" : javaHome,
                        searchFolders,
                        foundText,
                        minimumFeatureVersion,
                        ES_JAVA_HOME));
    }

    private record Jdk(Path home, int featureVersion) {}
}
