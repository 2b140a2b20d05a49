package org.pingzhi.dispatch.job;

/**
 * A record as read from a Kafka topic, with where it came from (for a dead letter).
 *
 * @param timestamp the record's Kafka timestamp, epoch milliseconds, negative when it has none
 */
public record KafkaMessage(
        String topic, int partition, long offset, byte[] value, long timestamp) {}
