package org.pingzhi.jobs.replay;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
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
 *
 * <p>Until then each document goes, as it comes, to a spill file next to the outputs (owner-only,
 * deleted at the end); memory holds only where each id's last version lies in it, so the heap a
 * replay needs does not grow with the size of its documents.
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

    /** Dead letters hold the original records: the spill file is owner-only like their file. */
    private static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");

    private final String outputDirectory;

    public ReplayFilesSink(Path outputDirectory) {
        this.outputDirectory = outputDirectory.toString();
    }

    public static Path fileOf(Path outputDirectory, DocumentKind kind) {
        return outputDirectory.resolve(kind.baseName() + ".jsonl");
    }

    static Path spillFileOf(Path outputDirectory) {
        return outputDirectory.resolve(".replay-documents.spill");
    }

    @Override
    public SinkWriter<Document> createWriter(WriterInitContext context) {
        return new LastWriteWinsWriter(Path.of(outputDirectory));
    }

    /** Where a document's text lies in the spill file. */
    private record Spilled(long offset, int length) {}

    private static final class LastWriteWinsWriter implements SinkWriter<Document> {
        private final Path directory;
        private final Map<DocumentKind, Map<String, Spilled>> documents =
                new EnumMap<>(DocumentKind.class);
        private OutputStream spill;
        private long spilled;
        private boolean written;

        LastWriteWinsWriter(Path directory) {
            this.directory = directory;
        }

        @Override
        public void write(Document document, Context context) throws IOException {
            Map<String, Spilled> byId =
                    documents.computeIfAbsent(document.kind(), kind -> new HashMap<>());
            if (document.deletion()) {
                byId.remove(document.id());
                return;
            }
            byte[] json = document.json().getBytes(StandardCharsets.UTF_8);
            spillStream().write(json);
            byId.put(document.id(), new Spilled(spilled, json.length));
            spilled += json.length;
        }

        private OutputStream spillStream() throws IOException {
            if (spill == null) {
                Files.createDirectories(directory);
                Path file = spillFileOf(directory);
                // a leftover of a failed run may be readable by others; the new file is created
                // anew
                Files.deleteIfExists(file);
                spill =
                        new BufferedOutputStream(
                                Channels.newOutputStream(
                                        Files.newByteChannel(
                                                file,
                                                Set.of(
                                                        StandardOpenOption.CREATE_NEW,
                                                        StandardOpenOption.WRITE),
                                                PosixFilePermissions.asFileAttribute(OWNER_ONLY))),
                                1 << 16);
            }
            return spill;
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            if (endOfInput && !written) {
                Files.createDirectories(directory);
                if (spill != null) {
                    spill.close();
                }
                try (FileChannel spilledDocuments =
                        spill == null
                                ? null
                                : FileChannel.open(
                                        spillFileOf(directory), StandardOpenOption.READ)) {
                    for (DocumentKind kind : DocumentKind.values()) {
                        Map<String, Spilled> byId = documents.getOrDefault(kind, Map.of());
                        if (!byId.isEmpty() || ALWAYS_WRITTEN.contains(kind)) {
                            writeAtomically(
                                    fileOf(directory, kind),
                                    byId,
                                    spilledDocuments,
                                    permissionsOf(kind));
                        }
                    }
                }
                written = true;
                close();
            }
        }

        /**
         * Dead letters hold the original records, phone numbers and names included: owner-only from
         * the moment the file exists. The other files hold masked documents only.
         */
        private static Set<PosixFilePermission> permissionsOf(DocumentKind kind) {
            return kind == DocumentKind.DEAD_LETTER
                    ? OWNER_ONLY
                    : PosixFilePermissions.fromString("rw-r--r--");
        }

        private static void writeAtomically(
                Path file,
                Map<String, Spilled> byId,
                FileChannel spilledDocuments,
                Set<PosixFilePermission> permissions)
                throws IOException {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            // a leftover of a failed run may be readable by others; the new file is created anew
            Files.deleteIfExists(temporary);
            try (OutputStream out =
                    new BufferedOutputStream(
                            Channels.newOutputStream(
                                    Files.newByteChannel(
                                            temporary,
                                            Set.of(
                                                    StandardOpenOption.CREATE_NEW,
                                                    StandardOpenOption.WRITE),
                                            PosixFilePermissions.asFileAttribute(permissions))),
                            1 << 16)) {
                String[] ids = byId.keySet().toArray(new String[0]);
                Arrays.sort(ids, DocumentIdOrder.INSTANCE);
                for (String id : ids) {
                    out.write(read(spilledDocuments, byId.get(id)));
                    out.write('\n');
                }
            }
            Files.move(
                    temporary,
                    file,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }

        private static byte[] read(FileChannel spilledDocuments, Spilled document)
                throws IOException {
            ByteBuffer json = ByteBuffer.allocate(document.length());
            while (json.hasRemaining()) {
                if (spilledDocuments.read(json, document.offset() + json.position()) < 0) {
                    throw new IOException("The replay's spill file ends early");
                }
            }
            return json.array();
        }

        @Override
        public void close() throws IOException {
            if (spill != null) {
                spill.close();
                spill = null;
                Files.deleteIfExists(spillFileOf(directory));
            }
        }
    }
}
