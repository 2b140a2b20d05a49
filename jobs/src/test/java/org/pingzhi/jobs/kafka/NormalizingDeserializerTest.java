package org.pingzhi.jobs.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.normalize.Normalizer;

class NormalizingDeserializerTest {

    private static final long READ_AT = 1_795_000_000_123L;

    private final NormalizingDeserializer deserializer =
            new NormalizingDeserializer(
                    Source.HOTLINE_12345, Normalizer.fromConfiguration(new Configuration()));

    @Test
    void aDeadLetterCarriesTheTimeItsRecordWasWrittenToKafka() {
        DeadLetter deadLetter = single(record("not json", READ_AT)).right();

        assertThat(deadLetter.readAt()).isEqualTo(READ_AT);
        assertThat(deadLetter.id()).isEqualTo("hotline-12345:2:40");
    }

    @Test
    void aRecordWithoutATimestampGivesADeadLetterWithoutReadTime() {
        DeadLetter deadLetter = single(record("not json", ConsumerRecord.NO_TIMESTAMP)).right();

        assertThat(deadLetter.readAt()).isNull();
    }

    private Either<UnifiedEvent, DeadLetter> single(ConsumerRecord<byte[], byte[]> record) {
        List<Either<UnifiedEvent, DeadLetter>> out = new ArrayList<>();
        deserializer.deserialize(
                record,
                new Collector<>() {
                    @Override
                    public void collect(Either<UnifiedEvent, DeadLetter> value) {
                        out.add(value);
                    }

                    @Override
                    public void close() {}
                });
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static ConsumerRecord<byte[], byte[]> record(String value, long timestamp) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return new ConsumerRecord<>(
                "hotline-12345",
                2,
                40,
                timestamp,
                TimestampType.CREATE_TIME,
                0,
                bytes.length,
                null,
                bytes,
                new RecordHeaders(),
                Optional.empty());
    }
}
