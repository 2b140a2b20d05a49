package org.pingzhi.jobs.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
     * Lets this user reach {@code folder}: every parent folder the user may not pass through (e.g.
     * a 700 home folder) gets the search bit for others — not read, so its listing stays private.
     */
    public void makeReachable(Path folder) {
        if (other.isEmpty()) {
            return;
        }
        Path absolute = folder.toAbsolutePath().normalize();
        List<Path> chain = new ArrayList<>();
        for (Path p = absolute; p != null; p = p.getParent()) {
            chain.add(0, p);
        }
        for (Path step : chain) {
            addOthersSearch(step);
        }
    }

    private static void addOthersSearch(Path folder) {
        try {
            Set<PosixFilePermission> permissions =
                    EnumSet.copyOf(Files.getPosixFilePermissions(folder));
            if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
                Files.setPosixFilePermissions(folder, permissions);
                LOG.info("Made {} traversable for other users (o+x)", folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + folder + " traversable", e);
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
