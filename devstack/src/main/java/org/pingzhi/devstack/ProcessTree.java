package org.pingzhi.devstack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Stops a child process together with the processes it started: a launcher script's JVMs, or the
 * server under a {@code runuser} wrapper.
 */
final class ProcessTree {

    private ProcessTree() {}

    /**
     * SIGTERM to the descendants (the root only if it has none: {@code runuser} answers SIGTERM by
     * killing its child after two seconds, too early for a clean server shutdown), waits for the
     * root to exit, then SIGKILL to whatever is left.
     *
     * @return true if the tree stopped within {@code grace}, false if it had to be killed
     */
    static boolean stop(Process root, Duration grace) {
        List<ProcessHandle> descendants = root.descendants().collect(Collectors.toList());
        if (descendants.isEmpty()) {
            root.destroy();
        } else {
            descendants.forEach(ProcessHandle::destroy);
        }
        boolean graceful = awaitExit(root, descendants, grace);
        if (!graceful) {
            Stream.concat(descendants.stream(), Stream.of(root.toHandle()))
                    .forEach(ProcessHandle::destroyForcibly);
            awaitExit(root, descendants, grace);
        }
        return graceful;
    }

    private static boolean awaitExit(
            Process root, List<ProcessHandle> descendants, Duration timeout) {
        CompletableFuture<?>[] exits =
                Stream.concat(descendants.stream(), Stream.of(root.toHandle()))
                        .map(ProcessHandle::onExit)
                        .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Waiting for process exit failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
