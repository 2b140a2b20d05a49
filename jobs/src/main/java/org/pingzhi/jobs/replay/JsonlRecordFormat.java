package org.pingzhi.jobs.replay;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.FSDataInputStream;
import org.pingzhi.common.model.RawRecord;

/**
 * Reads a JSONL input file as the raw records of one topic: partition 0, offset = the 0-based line
 * number, exactly as the contract asks of replay. Files are not split, so line numbers are exact.
 */
public final class JsonlRecordFormat implements StreamFormat<RawRecord> {

    private static final long serialVersionUID = 1L;

    private final String topic;

    public JsonlRecordFormat(String topic) {
        this.topic = topic;
    }

    @Override
    public Reader<RawRecord> createReader(
            Configuration config, FSDataInputStream stream, long fileLen, long splitEnd) {
        return new LineRecordReader(topic, new JsonlLineReader(stream), 0);
    }

    @Override
    public Reader<RawRecord> restoreReader(
            Configuration config,
            FSDataInputStream stream,
            long restoredOffset,
            long fileLen,
            long splitEnd)
            throws IOException {
        // Positions are checkpointed as "records after the start", so the stream is at the start
        // of the file and line numbers are counted again from zero.
        return new LineRecordReader(topic, new JsonlLineReader(stream), 0);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }

    private static final class LineRecordReader implements Reader<RawRecord> {
        private final String topic;
        private final JsonlLineReader lines;
        private long recordsRead;

        LineRecordReader(String topic, JsonlLineReader lines, long recordsRead) {
            this.topic = topic;
            this.lines = lines;
            this.recordsRead = recordsRead;
        }

        @Override
        public RawRecord read() throws IOException {
            JsonlLineReader.Line line = lines.next();
            if (line == null) {
                return null;
            }
            recordsRead++;
            return line.toRawRecord(topic);
        }

        @Override
        public CheckpointedPosition getCheckpointedPosition() {
            return new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, recordsRead);
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }
}
