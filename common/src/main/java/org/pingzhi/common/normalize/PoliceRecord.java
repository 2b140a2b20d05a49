package org.pingzhi.common.normalize;

import org.pingzhi.common.directory.Town;

/**
 * One 110 alarm lifecycle record (police-110.schema.json) that passed every check: typed, its
 * station's town looked up, optional fields dropped (null) when malformed and cut when over-long.
 *
 * @param alarmId the alarm
 * @param status what happened
 * @param statusTime when, epoch milliseconds
 * @param town the town of the police station named by {@code station}
 * @param alarmType the alarm type (at most 100 characters), or null
 * @param level 1 (most urgent) to 3, or null (the schema's default 2 is applied by the incident
 *     fold)
 * @param lat latitude within [-90, 90], or null
 * @param lon longitude within [-180, 180], or null
 * @param officer the officer or unit handling it (at most 100 characters), or null
 * @param personal the reporter's phone and name and the unmasked {@code summary}
 */
public record PoliceRecord(
        String alarmId,
        PoliceStatus status,
        long statusTime,
        Town town,
        String alarmType,
        Integer level,
        Double lat,
        Double lon,
        String officer,
        PersonalData personal) {}
