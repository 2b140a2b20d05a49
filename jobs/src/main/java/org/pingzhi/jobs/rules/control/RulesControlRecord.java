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
        String topic, int partition, long offset, long timestamp, byte[] value) {

    /** The {@link #topic} of {@link #startFile}: no topic has an empty name. */
    private static final String START_FILE = "";

    /**
     * Not a record of the topic: the file loaded at start ({@code pingzhi.rules.file}), as the job
     * started at {@code startedAt}, for its audit.
     */
    public static RulesControlRecord startFile(byte[] json, long startedAt) {
        return new RulesControlRecord(START_FILE, 0, -1, startedAt, json);
    }

    /** Whether this is the {@link #startFile}. */
    public boolean isStartFile() {
        return START_FILE.equals(topic);
    }
}
