package org.pingzhi.jobs.rules.control;

/**
 * One record of the rules control topic as it was read: a rules file someone published, not yet
 * validated.
 *
 * @param timestamp the Kafka record's timestamp, epoch milliseconds: when the version is in force
 *     from, if it is valid
 * @param value the record's bytes (the rules file, UTF-8 JSON when well formed); may be null
 */
public record RulesControlRecord(
        String topic, int partition, long offset, long timestamp, byte[] value) {}
