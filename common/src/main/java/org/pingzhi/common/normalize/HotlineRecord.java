package org.pingzhi.common.normalize;

import org.pingzhi.common.directory.Town;

/**
 * One 12345 work-order lifecycle record (hotline-12345.schema.json) that passed every check: typed,
 * its town looked up, optional fields dropped (null) when malformed and cut when over-long.
 *
 * @param orderId the work order
 * @param action what happened
 * @param actionTime when, epoch milliseconds
 * @param town the town named by {@code town}
 * @param linkedAlarmId the 110 alarm this order was handed over from, or null
 * @param seq per-order counter, or null
 * @param channel intake channel, or null
 * @param category the category path (at most 200 characters), or null
 * @param urgency the urgency, or null (the schema's default NORMAL is applied by the incident fold,
 *     which knows whether this record decides the incident's priority)
 * @param village village or community (at most 100 characters), or null
 * @param gridCode grid code (at most 64 characters), or null
 * @param lat latitude within [-90, 90], or null
 * @param lon longitude within [-180, 180], or null
 * @param unit handling unit (at most 200 characters), or null
 * @param personal the caller's phone and name and the unmasked {@code content}
 */
public record HotlineRecord(
        String orderId,
        HotlineAction action,
        long actionTime,
        Town town,
        String linkedAlarmId,
        Integer seq,
        HotlineChannel channel,
        String category,
        HotlineUrgency urgency,
        String village,
        String gridCode,
        Double lat,
        Double lon,
        String unit,
        PersonalData personal) {}
