package org.pingzhi.jobs.replay;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.types.Either;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.normalize.Normalizer;
import org.pingzhi.jobs.normalize.NormalizedRecords;

/**
 * Reads a JSONL input file as the records of one source, each normalized as it is read, like the
 * live Kafka source does: partition 0, offset = the 0-based line number, exactly as the contract
 * asks of replay. Files are not split, so line numbers are exact.
 */
public final class JsonlRecordFormat implements StreamFormat<Either<UnifiedEvent, DeadLetter>> {

    private static final long serialVersionUID = 1L;

    private final NormalizedRecords records;

    public JsonlRecordFormat(Source source, Normalizer normalizer) {
        this.records = new NormalizedRecords(source, normalizer);
    }

    @Override
    public Reader<Either<UnifiedEvent, DeadLetter>> createReader(
            Configuration config, FSDataInputStream stream, long fileLen, long splitEnd) {
        return new LineRecordReader(records, new JsonlLineReader(stream));
    }

    @Override
    public Reader<Either<UnifiedEvent, DeadLetter>> restoreReader(
            Configuration config,
            FSDataInputStream stream,
            long restoredOffset,
            long fileLen,
            long splitEnd)
            throws IOException {
        // Positions are checkpointed as "records after the start", so the stream is at the start
        // of the file and line numbers are counted again from zero.
        return new LineRecordReader(records, new JsonlLineReader(stream));
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<Either<UnifiedEvent, DeadLetter>> getProducedType() {
        return NormalizedRecords.TYPE;
    }

    private static final class LineRecordReader
            implements Reader<Either<UnifiedEvent, DeadLetter>> {
        private final NormalizedRecords records;
        private final JsonlLineReader lines;
        private long recordsRead;

        LineRecordReader(NormalizedRecords records, JsonlLineReader lines) {
            this.records = records;
            this.lines = lines;
        }

        @Override
        public Either<UnifiedEvent, DeadLetter> read() throws IOException {
            JsonlLineReader.Line line = lines.next();
            if (line == null) {
                return null;
            }
            recordsRead++;
            return records.normalize(line.toRawRecord(records.source().defaultTopic()));
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
