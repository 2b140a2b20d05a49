package org.pingzhi.simulate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pingzhi.common.model.Source;

/**
 * Writes {@code hotline-12345.jsonl} and {@code police-110.jsonl}: one record a line, in emission
 * order.
 */
final class JsonlFilesSink implements RecordSink {

    private static final int BUFFER_BYTES = 1 << 20;

    private final Path directory;
    private final OutputStream hotline;
    private final OutputStream police;

    JsonlFilesSink(Path directory) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        this.hotline = open(directory, Source.HOTLINE_12345);
        OutputStream opened;
        try {
            opened = open(directory, Source.POLICE_110);
        } catch (IOException e) {
            hotline.close();
            throw e;
        }
        this.police = opened;
    }

    /** The file of a source's records in {@code directory}: the topic's name + {@code .jsonl}. */
    static Path file(Path directory, Source source) {
        return directory.resolve(source.defaultTopic() + ".jsonl");
    }

    private static OutputStream open(Path directory, Source source) throws IOException {
        return new BufferedOutputStream(
                Files.newOutputStream(file(directory, source)), BUFFER_BYTES);
    }

    @Override
    public void send(SimulatedRecord record) throws IOException {
        OutputStream out = record.source() == Source.HOTLINE_12345 ? hotline : police;
        out.write(record.value());
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        try (OutputStream first = hotline;
                OutputStream second = police) {
            first.flush();
            second.flush();
        }
    }

    @Override
    public String describe() {
        return file(directory, Source.HOTLINE_12345) + " and " + file(directory, Source.POLICE_110);
    }
}
