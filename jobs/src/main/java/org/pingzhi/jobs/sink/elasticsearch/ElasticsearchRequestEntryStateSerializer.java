package org.pingzhi.jobs.sink.elasticsearch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;

/**
 * Checkpoints the writer's buffered writes as plain bytes, no Kryo. Per write, version 2: index and
 * id (each int length + UTF-8), external version (long), source (int length + bytes). Version 1 had
 * the failed attempts (int) where version 2 has the external version; they are read and dropped,
 * and such writes come back without a version (the restored writer gives them one). A restored
 * write starts without failed attempts either way, so its backoff starts afresh. A non-empty source
 * is a full overwrite ("index"), an empty one a delete; another operation would be a new version.
 */
public final class ElasticsearchRequestEntryStateSerializer
        extends AsyncSinkWriterStateSerializer<ElasticsearchRequestEntry> {

    private static final int VERSION_WITH_FAILED_ATTEMPTS = 1;
    private static final int VERSION = 2;

    /** Set per call of {@link #deserialize}: the base class does not pass it on. */
    private int readingVersion = VERSION;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public BufferedRequestState<ElasticsearchRequestEntry> deserialize(int version, byte[] bytes)
            throws IOException {
        if (version != VERSION && version != VERSION_WITH_FAILED_ATTEMPTS) {
            throw new IOException("unknown version of the Elasticsearch sink state: " + version);
        }
        readingVersion = version;
        return super.deserialize(version, bytes);
    }

    @Override
    protected void serializeRequestToStream(ElasticsearchRequestEntry entry, DataOutputStream out)
            throws IOException {
        writeBytes(entry.index().getBytes(StandardCharsets.UTF_8), out);
        writeBytes(entry.id().getBytes(StandardCharsets.UTF_8), out);
        out.writeLong(entry.version());
        writeBytes(entry.sourceBytes(), out);
    }

    @Override
    protected ElasticsearchRequestEntry deserializeRequestFromStream(
            long requestSize, DataInputStream in) throws IOException {
        String index = new String(readBytes(in), StandardCharsets.UTF_8);
        String id = new String(readBytes(in), StandardCharsets.UTF_8);
        long version;
        if (readingVersion == VERSION_WITH_FAILED_ATTEMPTS) {
            in.readInt();
            version = 0;
        } else {
            version = in.readLong();
        }
        byte[] source = readBytes(in);
        return ElasticsearchRequestEntry.restored(index, id, source, version);
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
