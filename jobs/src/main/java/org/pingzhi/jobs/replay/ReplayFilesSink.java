package org.pingzhi.jobs.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;

/**
 * Writes what the live job would leave in Elasticsearch: for each kind, the last document written
 * under each id, one JSON line each, in id order, into {@code <kind>.jsonl}. Runs with parallelism
 * 1; the files are written once, at the end of the input, each atomically.
 */
public final class ReplayFilesSink implements Sink<Document> {

    private static final long serialVersionUID = 1L;

    /** The files replay always writes, even when empty. */
    static final List<DocumentKind> ALWAYS_WRITTEN =
            List.of(
                    DocumentKind.INCIDENT,
                    DocumentKind.SLA_EVENT,
                    DocumentKind.ALERT,
                    DocumentKind.METRIC,
                    DocumentKind.DEAD_LETTER);

    private final String outputDirectory;

    public ReplayFilesSink(Path outputDirectory) {
        this.outputDirectory = outputDirectory.toString();
    }

    public static Path fileOf(Path outputDirectory, DocumentKind kind) {
        return outputDirectory.resolve(kind.baseName() + ".jsonl");
    }

    @Override
    public SinkWriter<Document> createWriter(WriterInitContext context) {
        return new LastWriteWinsWriter(Path.of(outputDirectory));
    }

    private static final class LastWriteWinsWriter implements SinkWriter<Document> {
        private final Path directory;
        private final Map<DocumentKind, Map<String, String>> documents =
                new EnumMap<>(DocumentKind.class);
        private boolean written;

        LastWriteWinsWriter(Path directory) {
            this.directory = directory;
        }

        @Override
        public void write(Document document, Context context) {
            Map<String, String> byId =
                    documents.computeIfAbsent(document.kind(), kind -> new HashMap<>());
            if (document.deletion()) {
                byId.remove(document.id());
            } else {
                byId.put(document.id(), document.json());
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            if (endOfInput && !written) {
                Files.createDirectories(directory);
                for (DocumentKind kind : DocumentKind.values()) {
                    Map<String, String> byId = documents.getOrDefault(kind, Map.of());
                    if (!byId.isEmpty() || ALWAYS_WRITTEN.contains(kind)) {
                        writeAtomically(fileOf(directory, kind), byId, permissionsOf(kind));
                    }
                }
                written = true;
            }
        }

        /**
         * Dead letters hold the original records, phone numbers and names included: owner-only from
         * the moment the file exists. The other files hold masked documents only.
         */
        private static Set<PosixFilePermission> permissionsOf(DocumentKind kind) {
            return PosixFilePermissions.fromString(
                    kind == DocumentKind.DEAD_LETTER ? "rw-------" : "rw-r--r--");
        }

        private static void writeAtomically(
                Path file, Map<String, String> byId, Set<PosixFilePermission> permissions)
                throws IOException {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            // a leftover of a failed run may be readable by others; the new file is created anew
            Files.deleteIfExists(temporary);
            try (Writer out =
                    Channels.newWriter(
                            Files.newByteChannel(
                                    temporary,
                                    Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                                    PosixFilePermissions.asFileAttribute(permissions)),
                            StandardCharsets.UTF_8)) {
                byId.keySet().stream()
                        .sorted(DocumentIdOrder.INSTANCE)
                        .forEach(id -> writeLine(out, byId.get(id)));
            }
            Files.move(
                    temporary,
                    file,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }

        private static void writeLine(Writer out, String json) {
            try {
                out.write(json);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {}
    }
}
