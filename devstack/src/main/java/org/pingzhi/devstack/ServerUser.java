package org.pingzhi.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user a server child process runs as. Servers such as Elasticsearch refuse to run as root, so
 * when this JVM is root the child runs as an unprivileged system user (created on first use)
 * through {@code runuser}; otherwise it runs as the current user and every method is a no-op.
 */
public final class ServerUser {

    public static final String DEFAULT_NAME = "pingzhi";

    private static final Logger LOG = LoggerFactory.getLogger(ServerUser.class);
    private static final Path RUNUSER = Path.of("/usr/sbin/runuser");
    private static final int USERADD_NAME_IN_USE = 9;

    private final Optional<UserPrincipal> other;

    private ServerUser(Optional<UserPrincipal> other) {
        this.other = other;
    }

    /** The current user, or {@code name} (created if missing) when the current user is root. */
    public static ServerUser forServer(String name) {
        if (!runningAsRoot()) {
            return new ServerUser(Optional.empty());
        }
        if (!Files.isExecutable(RUNUSER)) {
            throw new IllegalStateException(
                    "Running as root, but "
                            + RUNUSER
                            + " is missing: cannot start the server as an unprivileged user.");
        }
        return new ServerUser(Optional.of(existingOrCreated(name)));
    }

    public static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Whether the server runs as the user of this JVM. */
    public boolean isCurrentUser() {
        return other.isEmpty();
    }

    /** The user's name, for log lines. */
    public String name() {
        return other.map(UserPrincipal::getName).orElse(System.getProperty("user.name"));
    }

    /** {@code command}, run as this user. */
    public List<String> command(List<String> command) {
        if (other.isEmpty()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(RUNUSER.toString(), "-u", name(), "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Gives {@code folder} and everything in it to this user. */
    public void own(Path folder) {
        if (other.isPresent()) {
            try {
                FileTrees.chownRecursively(folder, other.get());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot give " + folder + " to " + name(), e);
            }
        }
    }

    /**
     * Where this user's files go when the folder meant for them lies behind a folder the user may
     * not enter (such as root's 700 home): created by root, readable and searchable by all, outside
     * every home. The launcher never loosens a folder of someone else's instead, so a killed run
     * leaves nothing open.
     */
    public static final Path SERVICE_ROOT = Path.of("/var/lib/pingzhi");

    /**
     * {@code wanted} when this user can reach it (every folder above it searchable by others, or
     * the current user runs the server), else a stand-in under {@link #SERVICE_ROOT}, the same one
     * for the same {@code wanted} each time (so a kept data folder is found again).
     */
    public Path reachable(Path wanted) {
        Path absolute = wanted.toAbsolutePath().normalize();
        if (other.isEmpty() || parentsSearchableByAll(absolute)) {
            return absolute;
        }
        Path standIn = serviceRoot().resolve(standInName(absolute));
        LOG.info(
                "{} lies behind a folder user {} may not enter: using {} instead",
                absolute,
                name(),
                standIn);
        return standIn;
    }

    /**
     * {@code path} when this user can reach it.
     *
     * @throws IllegalStateException naming {@code what} when a folder above it keeps the user out
     */
    public Path requireReachable(Path path, String what) {
        Path absolute = path.toAbsolutePath().normalize();
        if (other.isEmpty() || parentsSearchableByAll(absolute)) {
            return absolute;
        }
        throw new IllegalStateException(
                what
                        + " "
                        + absolute
                        + " lies behind a folder user "
                        + name()
                        + " may not enter: use one outside private folders (e.g. under"
                        + " /usr/lib/jvm)");
    }

    /** Whether every existing folder above {@code path} lets others pass through. */
    static boolean parentsSearchableByAll(Path path) {
        for (Path parent = path.getParent(); parent != null; parent = parent.getParent()) {
            try {
                if (Files.exists(parent)
                        && !Files.getPosixFilePermissions(parent)
                                .contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the mode of " + parent, e);
            }
        }
        return true;
    }

    private static Path serviceRoot() {
        try {
            if (!Files.isDirectory(SERVICE_ROOT)) {
                Files.createDirectories(
                        SERVICE_ROOT,
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rwxr-xr-x")));
            }
            return SERVICE_ROOT;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + SERVICE_ROOT, e);
        }
    }

    /** The folder's own name and a digest of its whole path: stable, and distinct per path. */
    private static String standInName(Path absolute) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(absolute.toString().getBytes(StandardCharsets.UTF_8));
            return absolute.getFileName() + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static UserPrincipal existingOrCreated(String name) {
        Optional<UserPrincipal> existing = lookup(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        List<String> useradd =
                List.of(
                        "useradd",
                        "--system",
                        "--no-create-home",
                        "--shell",
                        "/usr/sbin/nologin",
                        name);
        CommandResult result = run(useradd);
        if (result.exitCode() != 0 && result.exitCode() != USERADD_NAME_IN_USE) {
            throw new IllegalStateException(
                    "Running as root and cannot create the system user "
                            + name
                            + " ("
                            + String.join(" ", useradd)
                            + " exited with "
                            + result.exitCode()
                            + "): "
                            + result.output());
        }
        LOG.info("Created system user {} to run servers that refuse root", name);
        return lookup(name)
                .orElseThrow(
                        () -> new IllegalStateException("User " + name + " missing after useradd"));
    }

    private static Optional<UserPrincipal> lookup(String name) {
        try {
            return Optional.of(
                    Path.of("/")
                            .getFileSystem()
                            .getUserPrincipalLookupService()
                            .lookupPrincipalByName(name));
        } catch (UserPrincipalNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look up user " + name, e);
        }
    }

    private static CommandResult run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            return new CommandResult(process.exitValue(), output.strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted running " + String.join(" ", command), e);
        }
    }

    private record CommandResult(int exitCode, String output) {}
}
