package org.pingzhi.common.model;

/**
 * One lifecycle record of one incident, in the unified model, with personal data already removed.
 *
 * <p>Optional fields are null when the upstream record did not carry them (or carried them
 * malformed). Only the incident's report record is authoritative for category, priority and town;
 * the lifecycle fold decides which record that is.
 *
 * @param incidentId {@code 110-<alarmId>} or {@code 12345-<orderId>} (see the contract)
 * @param source the platform this record came from
 * @param status the unified status this record reports
 * @param rawStatus the upstream action (12345) or status (110), e.g. {@code TRANSFERRED_12345}
 * @param eventTime when it happened upstream, epoch milliseconds
 * @param alarmId the 110 alarm id (the linked one for a handed-over 12345 order), or null
 * @param orderId the 12345 order id, or null
 * @param category unified category code ({@code OTHER} when unknown), or null when the record has
 *     no category at all
 * @param rawCategory the upstream category (12345 path or 110 alarm type), or null
 * @param priority priority from 110 {@code level} or 12345 {@code urgency}, or null when absent
 * @param townCode the town's code from towns.tsv (always known for a valid record)
 * @param town the town's name
 * @param village village or community, or null
 * @param gridCode grid code, or null
 * @param lat latitude (WGS84), or null
 * @param lon longitude (WGS84), or null
 * @param callerKey keyed hash of the caller's normalized phone number, or null
 * @param summary masked free text (12345 content, 110 summary), at most 500 characters, or null
 * @param unit the handling unit (12345 {@code unit}, 110 {@code officer}), or null
 * @param channel 12345 intake channel, or null
 * @param seq 12345 per-order counter, or null
 */
public record UnifiedEvent(
        String incidentId,
        Source source,
        UnifiedStatus status,
        String rawStatus,
        long eventTime,
        String alarmId,
        String orderId,
        String category,
        String rawCategory,
        Priority priority,
        String townCode,
        String town,
        String village,
        String gridCode,
        Double lat,
        Double lon,
        String callerKey,
        String summary,
        String unit,
        String channel,
        Integer seq) {

    /**
     * Records of one incident with the same source, upstream action/status and event time are
     * duplicates; this is the key they share.
     */
    public String duplicateKey() {
        return source.code() + "|" + rawStatus + "|" + eventTime;
    }

    /** Whether this record reports the incident to its own platform (CREATE or RECEIVED). */
    public boolean isReport() {
        return status == UnifiedStatus.REPORTED;
    }
}
