package org.pingzhi.jobs.testing;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One instance of a resource per test JVM, shared by every test class through JUnit's root store
 * and closed by JUnit when the whole run ends.
 */
final class JvmWide {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(JvmWide.class);

    private JvmWide() {}

    static <T extends AutoCloseable> T get(
            ExtensionContext context, Class<T> type, Supplier<T> start) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(type, key -> start.get(), type);
    }

    /** {@code resource}, or a hint to register {@code extension} when it has not run yet. */
    static <T> T started(T resource, Class<?> extension) {
        if (resource == null) {
            throw new IllegalStateException(
                    "Not started: add @ExtendWith("
                            + extension.getSimpleName()
                            + ".class) to the test class");
        }
        return resource;
    }
}
