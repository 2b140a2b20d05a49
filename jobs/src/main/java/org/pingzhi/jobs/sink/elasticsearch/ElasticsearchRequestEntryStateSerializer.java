package org.pingzhi.jobs.sink.elasticsearch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/**
 * Checkpoints the writer's buffered writes as plain bytes, no Kryo. Version 1, per write: index and
 * id (each int length + UTF-8), failed attempts (int), source (int length + bytes). A non-empty
 * source is a full overwrite ("index"), an empty one a delete; another operation would be a new
 * version.
 */
public final class ElasticsearchRequestEntryStateSerializer
        extends AsyncSinkWriterStateSerializer<ElasticsearchRequestEntry> {

    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    protected void serializeRequestToStream(ElasticsearchRequestEntry entry, DataOutputStream out)
            throws IOException {
        writeBytes(entry.index().getBytes(StandardCharsets.UTF_8), out);
        writeBytes(entry.id().getBytes(StandardCharsets.UTF_8), out);
        out.writeInt(entry.failedAttempts());
        writeBytes(entry.sourceBytes(), out);
    }

    @Override
    protected ElasticsearchRequestEntry deserializeRequestFromStream(
            long requestSize, DataInputStream in) throws IOException {
        String index = new String(readBytes(in), StandardCharsets.UTF_8);
        String id = new String(readBytes(in), StandardCharsets.UTF_8);
        int failedAttempts = in.readInt();
        byte[] source = readBytes(in);
        return new ElasticsearchRequestEntry(index, id, source, failedAttempts);
    }

    private static void writeBytes(byte[] bytes, DataOutputStream out) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("corrupt Elasticsearch sink state: negative length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
