package org.pingzhi.common.normalize;

import java.io.Serializable;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.OptionalLong;
import org.apache.flink.configuration.Configuration;
import org.pingzhi.common.directory.CategoryDirectory;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.RawRecord;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.privacy.CallerKeyHasher;

/**
 * Turns one raw record of either input topic into a {@link org.pingzhi.common.model.UnifiedEvent}
 * or a {@link DeadLetter}, as the data contract prescribes.
 *
 * <p>Reasons are checked in the contract's order, each over the whole record before the next:
 * {@code TOO_LARGE} (over {@link #MAX_RECORD_BYTES}), {@code INVALID_JSON} (not strict UTF-8, not
 * JSON, trailing input after the value, a key given twice, or not an object), {@code MISSING_FIELD}
 * (a required field absent or null), {@code INVALID_FIELD}, {@code BAD_TIMESTAMP} (including an
 * event time that cannot be true, see {@link EventTimeBounds}), {@code UNKNOWN_TOWN}.
 *
 * <p>A 12345 {@code linkedAlarmId} is optional, yet a present one that is not an id (not a string
 * matching {@code ^[A-Za-z0-9-]{6,64}$}) is {@code INVALID_FIELD}, not dropped: dropping it would
 * silently split the handed-over order off its 110 incident into an incident of its own. A JSON
 * null counts as absent. Every other optional field of the wrong type, out of range or with an
 * unknown enum value is dropped (null), over-long text is cut; neither rejects the record.
 *
 * <p>A dead letter keeps the record as it came: its text, or base64 when it is not valid UTF-8;
 * that is the contract (and why the dead-letter topic is as sensitive as the inputs). Of a {@code
 * TOO_LARGE} record it keeps only the first bytes, with length and hash ({@link TooLargeRecords}).
 * Its message names the field, never a value.
 *
 * <p>Immutable and thread-safe; serializable, to run inside Flink operators. No exception escapes
 * {@link #normalize} for any bytes.
 */
public final class Normalizer implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The largest record the contract accepts, in bytes; also what a dead letter keeps of one. */
    public static final int MAX_RECORD_BYTES = 65_536;

    private final HotlineRecordParser hotline;
    private final PoliceRecordParser police;
    private final UnifiedEventMapper mapper;

    public Normalizer(
            TownDirectory towns,
            CategoryDirectory categories,
            CallerKeyHasher keys,
            EventTimeBounds eventTimeBounds) {
        this.hotline = new HotlineRecordParser(towns, eventTimeBounds);
        this.police = new PoliceRecordParser(towns, eventTimeBounds);
        this.mapper = new UnifiedEventMapper(categories, keys);
    }

    /** {@link #fromConfiguration(Configuration, Clock)} against the system clock. */
    public static Normalizer fromConfiguration(Configuration conf) {
        return fromConfiguration(conf, Clock.systemUTC());
    }

    /**
     * The normalizer of the shipped towns.tsv and categories.tsv, with the caller-key hasher and
     * the event-time bounds the configuration gives ({@link CallerKeyHasher#fromConfiguration},
     * {@link EventTimeBounds#fromConfiguration}); {@code clock} is the wall clock the bounds are
     * checked against.
     *
     * @throws IllegalArgumentException in production mode without a usable caller-key secret
     */
    public static Normalizer fromConfiguration(Configuration conf, Clock clock) {
        return new Normalizer(
                TownDirectory.loadDefault(),
                CategoryDirectory.loadDefault(),
                CallerKeyHasher.fromConfiguration(conf),
                EventTimeBounds.fromConfiguration(conf, clock));
    }

    /** The unified event of a record from the given source, or its dead letter. */
    public NormalizeResult normalize(Source source, RawRecord record) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(record, "record");
        if (TooLargeRecords.isTooLarge(record)) {
            return new NormalizeResult.Rejected(TooLargeRecords.deadLetter(record));
        }
        String text = RecordText.decodeUtf8(record.value());
        try {
            var json = RecordText.parseObject(text);
            return new NormalizeResult.Accepted(
                    switch (source) {
                        case HOTLINE_12345 -> mapper.toEvent(hotline.parse(json));
                        case POLICE_110 -> mapper.toEvent(police.parse(json));
                    });
        } catch (RecordRejectedException e) {
            return new NormalizeResult.Rejected(deadLetter(record, text, e));
        }
    }

    /**
     * The event time of a record {@link #normalize} accepts, or empty for one it rejects: the same
     * checks, without mapping the record (no masking, no caller key), for a pass that needs only
     * the times (the replay's horizon).
     */
    public OptionalLong acceptedEventTime(Source source, RawRecord record) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(record, "record");
        if (TooLargeRecords.isTooLarge(record)) {
            return OptionalLong.empty();
        }
        try {
            var json = RecordText.parseObject(RecordText.decodeUtf8(record.value()));
            return OptionalLong.of(
                    switch (source) {
                        case HOTLINE_12345 -> hotline.parse(json).actionTime();
                        case POLICE_110 -> police.parse(json).statusTime();
                    });
        } catch (RecordRejectedException e) {
            return OptionalLong.empty();
        }
    }

    private static DeadLetter deadLetter(
            RawRecord record, String text, RecordRejectedException rejection) {
        return new DeadLetter(
                rejection.reason(),
                rejection.getMessage(),
                record.topic(),
                record.partition(),
                record.offset(),
                text,
                text == null ? Base64.getEncoder().encodeToString(record.value()) : null,
                null,
                null,
                null);
    }
}
