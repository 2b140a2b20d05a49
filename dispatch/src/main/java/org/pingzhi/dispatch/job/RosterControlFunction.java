package org.pingzhi.dispatch.job;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.ReasonCode;
import org.pingzhi.common.normalize.RecordText;
import org.pingzhi.dispatch.roster.InvalidRosterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates each record of the roster control topic, in topic order (one key, {@link #KEY}): a
 * valid roster that differs from the one in force is emitted as the {@link RosterVersion} that
 * comes into force (broadcast to the dispatch function); an invalid one is rejected with a dead
 * letter ({@link ReasonCode#INVALID_ROSTER}, every problem named, never the file: it holds the
 * robots' secrets) and an ERROR log line, and the roster in force stays.
 */
public final class RosterControlFunction
        extends KeyedProcessFunction<String, KafkaMessage, RosterVersion> {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(RosterControlFunction.class);

    /** The one key: the control topic's records are judged one after the other. */
    public static final String KEY = "roster";

    private final DispatchSettings settings;

    private transient RosterVersion startFile;
    private transient ValueState<RosterVersion> published;

    public RosterControlFunction(DispatchSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        startFile = settings.startRoster();
        published = getRuntimeContext().getState(DispatchStateDescriptors.rosterPublished());
        LOG.info("Duty roster {} is the start file; a published roster replaces it", startFile);
    }

    @Override
    public void processElement(KafkaMessage record, Context ctx, Collector<RosterVersion> out)
            throws Exception {
        String origin = record.topic() + ":" + record.partition() + ":" + record.offset();
        String json = RecordText.decodeUtf8(record.value());
        if (json == null || json.isBlank()) {
            reject(
                    record,
                    "duty roster " + origin + (json == null ? " is not UTF-8" : " is empty"),
                    ctx);
            return;
        }
        RosterVersion candidate = RosterVersion.published(json, origin, record.timestamp());
        try {
            candidate.parse();
        } catch (InvalidRosterException e) {
            reject(record, e.getMessage(), ctx);
            return;
        }
        RosterVersion inForce = published.value() == null ? startFile : published.value();
        if (candidate.version().equals(inForce.version())) {
            LOG.info("Duty roster {} ({}) is in force already", candidate.version(), origin);
            return;
        }
        published.update(candidate);
        out.collect(candidate);
        LOG.info("Duty roster {} in force, replacing {}", candidate, inForce);
    }

    private static void reject(KafkaMessage record, String reason, Context ctx) {
        LOG.error("Duty roster rejected, the roster in force stays: {}", reason);
        ctx.output(
                DispatchOutputs.DEAD_LETTERS,
                new DeadLetter(
                        ReasonCode.INVALID_ROSTER,
                        reason,
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        null,
                        null,
                        null,
                        null,
                        record.timestamp() < 0 ? null : record.timestamp()));
    }
}
