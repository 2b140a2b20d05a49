package org.pingzhi.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch server, started from the {@code integ-test-zip} distribution as a child
 * process: single node, security off, bound to 127.0.0.1, its own data/logs/config/tmp under a run
 * folder. The zip is unpacked once into a cache folder and shared by all runs. When this JVM is
 * root the server runs as an unprivileged system user ({@link ServerUser}), and its files stay
 * where that user can reach them without any folder's mode being changed (outside private homes,
 * see {@link ServerUser#reachable}); it needs a JDK 21+ ({@link JavaHomeFinder}).
 *
 * <p>{@link Builder#start()} returns once the cluster is yellow. The server stops on {@link
 * #stop()}/{@link #close()} or when this JVM exits.
 */
public final class ElasticsearchServer implements AutoCloseable {

    public static final int MINIMUM_JAVA = 21;

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchServer.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 40;

    private final Path esHome;
    private final RunFolder run;
    private final boolean keepDataOnClose;
    private final Process process;
    private final Thread shutdownHook;
    private String httpUrl;
    private String version;
    private boolean stopped;

    private ElasticsearchServer(
            Path esHome, RunFolder run, boolean keepDataOnClose, Process process) {
        this.esHome = esHome;
        this.run = run;
        this.keepDataOnClose = keepDataOnClose;
        this.process = process;
        this.shutdownHook = new Thread(this::stop, "elasticsearch-shutdown");
    }

    /** A builder for a server from the distribution zip at {@code zip}. */
    public static Builder builder(Path zip) {
        return new Builder(zip);
    }

    /** e.g. {@code http://127.0.0.1:39205}, no trailing slash. */
    public String httpUrl() {
        return httpUrl;
    }

    /** The version the running node reports, e.g. {@code 9.5.3}. */
    public String version() {
        return version;
    }

    /** The server's main log file (kept by {@link #close()}). */
    public Path logFile() {
        return run.logs().resolve("elasticsearch.log");
    }

    /** The server's stdout and stderr, where start-up failures show up before logging works. */
    public Path consoleLog() {
        return run.logs().resolve("console.log");
    }

    /** Where the distribution is unpacked. */
    public Path esHome() {
        return esHome;
    }

    public Path runDir() {
        return run.root();
    }

    /** Stops the server: SIGTERM, then SIGKILL if it has not exited after 30 seconds. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        removeShutdownHook();
        long started = System.nanoTime();
        boolean graceful = ProcessTree.stop(process, STOP_GRACE);
        LOG.info(
                graceful
                        ? "Elasticsearch stopped in {} ms"
                        : "Elasticsearch did not stop within {} ms and was killed",
                elapsedMillis(started));
    }

    /** Stops the server and deletes its data and temporary files; logs and config stay. */
    @Override
    public void close() {
        stop();
        if (!keepDataOnClose) {
            FileTrees.deleteQuietly(run.data());
            FileTrees.deleteQuietly(run.tmp());
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Optional<ElasticsearchProbe> probe = Optional.empty();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw startFailure("exited with code " + process.exitValue());
            }
            if (probe.isEmpty()) {
                probe = readHttpAddress().map(url -> new ElasticsearchProbe(URI.create(url)));
            }
            if (probe.isPresent() && probe.get().isYellowOrGreen()) {
                version = probe.get().nodeVersion();
                httpUrl = readHttpAddress().orElseThrow();
                LOG.info(
                        "Elasticsearch {} ready at {} in {} ms (log: {})",
                        version,
                        httpUrl,
                        elapsedMillis(started),
                        logFile());
                return;
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw startFailure("was not ready (cluster health yellow) within " + timeout);
    }

    /** The address the node writes to its ports file once it listens (we pass port 0 or fixed). */
    private Optional<String> readHttpAddress() {
        Path portsFile = run.logs().resolve("http.ports");
        try {
            if (!Files.isRegularFile(portsFile)) {
                return Optional.empty();
            }
            return Files.readAllLines(portsFile, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .findFirst()
                    .map(address -> "http://" + address);
        } catch (IOException e) {
            // The node may be writing the file right now; the next poll reads it whole.
            return Optional.empty();
        }
    }

    private IllegalStateException startFailure(String what) {
        return new IllegalStateException(
                String.format(
                        "Elasticsearch %s. Console output %s ends with:%n%s%nServer log: %s",
                        what, consoleLog(), tail(consoleLog()), logFile()));
    }

    private static String tail(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            List<String> all = lines.collect(Collectors.toList());
            return String.join(
                    System.lineSeparator(),
                    all.subList(Math.max(0, all.size() - LOG_TAIL_LINES), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down and this may be the hook itself: nothing to remove.
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** The folders of one server run. */
    private record RunFolder(Path root) {
        Path data() {
            return root.resolve("data");
        }

        Path logs() {
            return root.resolve("logs");
        }

        Path config() {
            return root.resolve("config");
        }

        Path tmp() {
            return root.resolve("tmp");
        }

        /** Creates the folders; the config is a copy of the distribution's, made once per run. */
        void prepare(Path home) throws IOException {
            for (Path folder : List.of(data(), logs(), tmp())) {
                Files.createDirectories(folder);
            }
            if (!Files.isDirectory(config())) {
                copyTree(home.resolve("config"), config());
            }
            // A reused run folder holds the previous run's ports files.
            Files.deleteIfExists(logs().resolve("http.ports"));
            Files.deleteIfExists(logs().resolve("transport.ports"));
        }

        private static void copyTree(Path from, Path to) throws IOException {
            List<Path> sources;
            try (Stream<Path> walk = Files.walk(from)) {
                sources = walk.collect(Collectors.toList());
            }
            for (Path source : sources) {
                Files.copy(
                        source,
                        to.resolve(from.relativize(source).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** Configuration of a server; {@link #start()} launches it. */
    public static final class Builder {
        private final Path zip;
        private Path home;
        private Path runDir;
        private int httpPort;
        private int transportPort;
        private String heap = "512m";
        private Duration startTimeout = Duration.ofSeconds(120);
        private String systemUser = ServerUser.DEFAULT_NAME;
        private Path javaHome;
        private boolean keepDataOnClose;

        private Builder(Path zip) {
            this.zip = Objects.requireNonNull(zip, "zip");
        }

        /**
         * Where the zip is unpacked once and reused (default {@code ~/.cache/pingzhi/<zip name
         * without .zip>}, e.g. {@code elasticsearch-9.5.3}; as root {@code /var/lib/pingzhi/<zip
         * name without .zip>}).
         */
        public Builder home(Path home) {
            this.home = home;
            return this;
        }

        /**
         * The run's data/logs/config/tmp folder (default: a new temporary folder). As root, when
         * the server's user cannot reach it, a stand-in folder under {@link
         * ServerUser#SERVICE_ROOT} takes its place ({@link ElasticsearchServer#runDir()}).
         */
        public Builder runDir(Path runDir) {
            this.runDir = runDir;
            return this;
        }

        /** 0 (default) lets the server pick a free port. */
        public Builder httpPort(int httpPort) {
            this.httpPort = httpPort;
            return this;
        }

        /** 0 (default) lets the server pick a free port. */
        public Builder transportPort(int transportPort) {
            this.transportPort = transportPort;
            return this;
        }

        /** JVM heap, e.g. {@code 512m} (default) or {@code 1g}. */
        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /** The user to run as when this JVM is root (default {@code pingzhi}). */
        public Builder systemUser(String systemUser) {
            this.systemUser = systemUser;
            return this;
        }

        /** A JDK 21+ (default: {@link JavaHomeFinder#fromSystem()}). */
        public Builder javaHome(Path javaHome) {
            this.javaHome = javaHome;
            return this;
        }

        /** Keep the data folder on {@link #close()}, for a local stack reused across runs. */
        public Builder keepDataOnClose(boolean keepDataOnClose) {
            this.keepDataOnClose = keepDataOnClose;
            return this;
        }

        /**
         * Launches the server and waits until its cluster is yellow.
         *
         * @throws IllegalStateException with the console output's tail when it does not start
         */
        public ElasticsearchServer start() {
            try {
                return launch();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start Elasticsearch", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting Elasticsearch", e);
            }
        }

        private ElasticsearchServer launch() throws IOException, InterruptedException {
            ServerUser user = ServerUser.forServer(systemUser);
            Path java =
                    user.requireReachable(
                            javaHome != null
                                    ? javaHome
                                    : JavaHomeFinder.fromSystem().find(MINIMUM_JAVA),
                            "The JDK for Elasticsearch");
            Path esHome =
                    ZipUnpacker.unpackOnce(
                            zip, user.reachable(home != null ? home : defaultHome(zip, user)));
            RunFolder run =
                    new RunFolder(
                            user.reachable(
                                    runDir != null
                                            ? runDir
                                            : Files.createTempDirectory("pingzhi-elasticsearch-")));
            run.prepare(esHome);
            user.own(run.root());

            ProcessBuilder builder =
                    new ProcessBuilder(user.command(command(esHome, run)))
                            .directory(run.root().toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(run.logs().resolve("console.log").toFile());
            environment(builder.environment(), java, run);
            LOG.info(
                    "Starting Elasticsearch from {} as user {} with Java {} in {}",
                    esHome,
                    user.name(),
                    java,
                    run.root());
            ElasticsearchServer server =
                    new ElasticsearchServer(esHome, run, keepDataOnClose, builder.start());
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            try {
                server.awaitReady(startTimeout);
            } catch (RuntimeException | InterruptedException e) {
                server.close();
                throw e;
            }
            return server;
        }

        private List<String> command(Path esHome, RunFolder run) {
            return List.of(
                    esHome.resolve("bin/elasticsearch").toString(),
                    "-Ediscovery.type=single-node",
                    "-Expack.security.enabled=false",
                    "-Enetwork.host=127.0.0.1",
                    "-Ehttp.port=" + httpPort,
                    "-Etransport.port=" + transportPort,
                    // Writes logs/http.ports once listening: how we learn a port picked for 0.
                    "-Enode.portsfile=true",
                    "-Epath.data=" + run.data(),
                    "-Epath.logs=" + run.logs(),
                    "-Ecluster.routing.allocation.disk.threshold_enabled=false");
        }

        private void environment(Map<String, String> env, Path java, RunFolder run) {
            env.put("ES_JAVA_HOME", java.toString());
            env.put("ES_PATH_CONF", run.config().toString());
            env.put("ES_TMPDIR", run.tmp().toString());
            // The launcher JVM's own temp files, which would otherwise litter /tmp.
            env.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + run.tmp());
            env.put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        }

        /**
         * {@code ~/.cache/pingzhi/<zip name>}; for a server user other than the current one (this
         * JVM is root), a folder of {@link ServerUser#SERVICE_ROOT} instead, outside every home.
         */
        private static Path defaultHome(Path zip, ServerUser user) {
            String name = zip.getFileName().toString().replaceFirst("\\.zip$", "");
            return user.isCurrentUser()
                    ? Path.of(System.getProperty("user.home"), ".cache", "pingzhi", name)
                    : ServerUser.SERVICE_ROOT.resolve(name);
        }
    }
}
