package org.pingzhi.simulate;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.pingzhi.common.model.ReasonCode;
import org.pingzhi.common.model.Source;

/**
 * Breaks a valid record the ways upstream systems do, one defect a record, so that each broken
 * record has exactly one dead-letter reason under the contract's checks.
 */
final class Malformer {

    /** A broken record's bytes and the reason the contract gives it. */
    record Malformed(byte[] value, ReasonCode reason) {}

    /** The ways a record breaks, with their relative frequency. */
    enum Defect {
        TRUNCATED(ReasonCode.INVALID_JSON, 14),
        NOT_AN_OBJECT(ReasonCode.INVALID_JSON, 3),
        LEGACY_ENCODING(ReasonCode.INVALID_JSON, 5),
        FIELD_MISSING(ReasonCode.MISSING_FIELD, 14),
        FIELD_NULL(ReasonCode.MISSING_FIELD, 4),
        UNKNOWN_LIFECYCLE(ReasonCode.INVALID_FIELD, 8),
        WRONG_TYPE(ReasonCode.INVALID_FIELD, 6),
        BAD_ID(ReasonCode.INVALID_FIELD, 3),
        BAD_TIMESTAMP(ReasonCode.BAD_TIMESTAMP, 14),
        UNKNOWN_PLACE(ReasonCode.UNKNOWN_TOWN, 17),
        OVERSIZED(ReasonCode.TOO_LARGE, 2);

        final ReasonCode reason;
        final double weight;

        Defect(ReasonCode reason, double weight) {
            this.reason = reason;
            this.weight = weight;
        }
    }

    /** Over the contract's 65,536-byte limit for a record. */
    static final int OVERSIZED_BYTES = 70_000;

    private static final Weighted<Defect> DEFECTS =
            Weighted.of(List.of(Defect.values()), defect -> defect.weight);
    private static final RecordFields.RawNumber TOWN_CODE_AS_NUMBER =
            new RecordFields.RawNumber("330482001");
    private static final Charset LEGACY_CHARSET = Charset.forName("GBK");
    private static final List<String> UNKNOWN_ACTIONS = List.of("ESCALATE", "URGE", "SUSPEND");
    private static final List<String> UNKNOWN_STATUSES =
            List.of("REOPENED", "TRANSFERRED", "PENDING");
    private static final List<String> UNKNOWN_TOWNS = List.of("嘉善县", "海盐县武原街道", "当湖", "当湖街道 ");
    private static final List<String> UNKNOWN_STATIONS = List.of("上海派出所", "海盐派出所", "当湖所", "当湖派出所 ");
    private static final List<DateTimeFormatter> BAD_ACTION_TIMES =
            List.of(
                            "dd/MM/uuuu HH:mm",
                            "uuuu-MM-dd HH:mm:ss",
                            "uuuu-MM-dd'T'HH:mm:ss",
                            "uuuu-MM-dd'T'HH:mmxxx",
                            "uuuu-MM-dd'T'HH:mm:ssxx")
                    .stream()
                    .map(
                            pattern ->
                                    DateTimeFormatter.ofPattern(pattern)
                                            .withZone(PinghuTime.OFFSET))
                    .toList();

    private Malformer() {}

    static Malformed malform(PlannedRecord record, Dice dice) {
        return malform(record, DEFECTS.pick(dice), dice);
    }

    static Malformed malform(PlannedRecord record, Defect defect, Dice dice) {
        Source source = record.source();
        UpstreamFormat format = UpstreamFormat.of(source);
        boolean hotline = source == Source.HOTLINE_12345;
        RecordFields fields = record.fields().copy();
        byte[] json = fields.toJson();
        byte[] broken =
                switch (defect) {
                    case TRUNCATED ->
                            Arrays.copyOf(
                                    json, (int) dice.between(json.length / 3, json.length - 2));
                    case NOT_AN_OBJECT -> concat("[", json, "]");
                    case LEGACY_ENCODING -> legacyEncoded(json);
                    case FIELD_MISSING -> fields.remove(dice.pick(format.required())).toJson();
                    case FIELD_NULL ->
                            fields.put(dice.pick(format.required()), RecordFields.JSON_NULL)
                                    .toJson();
                    case UNKNOWN_LIFECYCLE ->
                            fields.put(
                                            format.lifecycle(),
                                            dice.pick(hotline ? UNKNOWN_ACTIONS : UNKNOWN_STATUSES))
                                    .toJson();
                    case WRONG_TYPE -> wrongType(fields, format, record.eventTimeMillis(), dice);
                    case BAD_ID -> fields.put(format.id(), badId(record.key(), dice)).toJson();
                    case BAD_TIMESTAMP ->
                            fields.put(format.time(), badTimestamp(hotline, record, dice)).toJson();
                    case UNKNOWN_PLACE ->
                            fields.put(
                                            format.place(),
                                            dice.pick(hotline ? UNKNOWN_TOWNS : UNKNOWN_STATIONS))
                                    .toJson();
                    case OVERSIZED -> fields.put(format.text(), oversizedText()).toJson();
                };
        return new Malformed(broken, defect.reason);
    }

    /** A required field of the wrong JSON type; a 110 statusTime with a fraction or exponent. */
    private static byte[] wrongType(
            RecordFields fields, UpstreamFormat format, long eventTime, Dice dice) {
        if (format == UpstreamFormat.HOTLINE) {
            return dice.chance(0.5)
                    ? fields.put(format.time(), eventTime).toJson()
                    : fields.put(format.place(), TOWN_CODE_AS_NUMBER).toJson();
        }
        Object wrong =
                switch (dice.index(4)) {
                    case 0 -> Long.toString(eventTime);
                    case 1 -> new RecordFields.RawNumber(eventTime / 1_000 + "E3");
                    case 2 -> new RecordFields.RawNumber(eventTime + ".5");
                    default -> null;
                };
        return wrong == null
                ? fields.put(format.place(), TOWN_CODE_AS_NUMBER).toJson()
                : fields.put(format.time(), wrong).toJson();
    }

    private static String badId(String id, Dice dice) {
        return dice.chance(0.5) ? id.substring(0, 2) + "/" + id.substring(2) : id.substring(0, 4);
    }

    private static Object badTimestamp(boolean hotline, PlannedRecord record, Dice dice) {
        long at = record.eventTimeMillis();
        if (!hotline) {
            return -at;
        }
        return dice.pick(BAD_ACTION_TIMES).format(Instant.ofEpochMilli(at));
    }

    /** The record in GBK, as a legacy system might send it: not UTF-8. */
    private static byte[] legacyEncoded(byte[] json) {
        byte[] gbk = new String(json, StandardCharsets.UTF_8).getBytes(LEGACY_CHARSET);
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(gbk));
        } catch (CharacterCodingException expected) {
            return gbk;
        }
        return concat("", gbk, "\u00ff"); // GBK happened to be valid UTF-8: break it for sure
    }

    private static String oversizedText() {
        String attachment = "附件:现场照片说明及群众联名信全文。";
        int repeats = OVERSIZED_BYTES / attachment.getBytes(StandardCharsets.UTF_8).length + 1;
        return attachment.repeat(repeats);
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] head = before.getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = after.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + middle.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        System.arraycopy(tail, 0, all, head.length + middle.length, tail.length);
        return all;
    }
}
