package org.pingzhi.jobs.rules.control;

import java.util.Base64;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.ReasonCode;
import org.pingzhi.common.normalize.RecordText;
import org.pingzhi.common.rules.InvalidRulesException;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.common.rules.RulesFileParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates each record of the rules control topic, in topic order (one key, {@link #KEY}): a valid
 * file is emitted as the {@link RulesVersion} that comes into force, with the audit documents of
 * the change ({@link #AUDIT}: the new version's rules in force, the previous published version's
 * replaced); an invalid one is rejected with a dead letter ({@link #DEAD_LETTERS}, reason {@link
 * ReasonCode#INVALID_RULES}, the parser's message naming the rule and the problem) and an ERROR log
 * line, and the rules in force stay. A file equal to the rules in force changes nothing; another
 * file under the version in force is rejected (its audit documents would overwrite those of the
 * rules in force).
 *
 * <p>The live job also sends the file it loaded at start ({@link RulesControlRecord#startFile}), at
 * the instant it started: the first time, that instant is kept ({@link #START}, checkpointed) and
 * the start file's rules are audited in force from it (or replaced, if a published version was read
 * first); the first published version replaces them. A restored job keeps the instant it has.
 */
public final class RulesControlFunction
        extends KeyedProcessFunction<String, RulesControlRecord, RulesVersion> {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(RulesControlFunction.class);

    public static final String UID = "rules-control";
    public static final String NAME = "Rules control (validate, audit)";

    /** The one key: the control topic's records are judged one after the other. */
    public static final String KEY = "rules";

    public static final OutputTag<Document> AUDIT = new OutputTag<>("rules-audit") {};
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("rules-dead-letters") {};

    /** The last published version that came into force; none: the start file is in force. */
    static final ValueStateDescriptor<RulesVersion> PUBLISHED =
            new ValueStateDescriptor<>(
                    "rules-published-in-force", TypeInformation.of(RulesVersion.class));

    /** The start file as it came into force, the first time the job started with it. */
    static final ValueStateDescriptor<RulesVersion> START =
            new ValueStateDescriptor<>(
                    "rules-start-file-in-force", TypeInformation.of(RulesVersion.class));

    private final RulesFile startFile;

    private transient ValueState<RulesVersion> published;
    private transient ValueState<RulesVersion> start;

    public RulesControlFunction(RulesFile startFile) {
        this.startFile = startFile;
    }

    @Override
    public void open(OpenContext openContext) {
        published = getRuntimeContext().getState(PUBLISHED);
        start = getRuntimeContext().getState(START);
    }

    @Override
    public void processElement(RulesControlRecord record, Context ctx, Collector<RulesVersion> out)
            throws Exception {
        if (record.isStartFile()) {
            started(record, ctx);
            return;
        }
        String origin = record.topic() + ":" + record.partition() + ":" + record.offset();
        String json = record.value() == null ? null : RecordText.decodeUtf8(record.value());
        if (json == null) {
            reject(
                    record,
                    null,
                    "rules file "
                            + origin
                            + (record.value() == null ? " is empty" : " is not UTF-8"),
                    ctx);
            return;
        }
        RulesFile rules;
        try {
            rules = RulesFileParser.standard().parse(json, origin);
        } catch (InvalidRulesException e) {
            reject(record, json, e.getMessage(), ctx);
            return;
        }
        RulesVersion previous = published.value();
        RulesFile inForce =
                previous == null
                        ? startFile
                        : RulesFileParser.standard().parse(previous.json(), previous.version());
        if (rules.equals(inForce)) {
            LOG.info("Rules version {} ({}) is in force already", rules.version(), origin);
            return;
        }
        if (rules.version().equals(inForce.version())) {
            reject(
                    record,
                    json,
                    "rules file "
                            + origin
                            + ": version \""
                            + rules.version()
                            + "\" is in force with other rules; publish a changed file under a"
                            + " new version",
                    ctx);
            return;
        }
        RulesVersion version = new RulesVersion(rules.version(), json, record.timestamp());
        if (previous != null) {
            RuleVersionDocuments.replaced(previous, version)
                    .forEach(document -> ctx.output(AUDIT, document));
        } else if (start.value() != null) {
            RuleVersionDocuments.startReplaced(start.value(), version)
                    .forEach(document -> ctx.output(AUDIT, document));
        }
        RuleVersionDocuments.inForce(version).forEach(document -> ctx.output(AUDIT, document));
        published.update(version);
        out.collect(version);
        LOG.info(
                "Rules version {} ({} rules, {}) in force, replacing {}",
                rules.version(),
                rules.rules().size(),
                origin,
                inForce.version());
    }

    /**
     * The job started with the start file: audited the first time, from then on in force since that
     * start (a restart or a later start of the same job keeps it).
     */
    private void started(RulesControlRecord record, Context ctx) throws Exception {
        if (start.value() != null) {
            return;
        }
        String json = RecordText.decodeUtf8(record.value());
        if (json == null
                || !startFile.equals(RulesFileParser.standard().parse(json, "the start file"))) {
            LOG.error("The start file changed as the job started; its audit is left out");
            return;
        }
        RulesVersion started = new RulesVersion(startFile.version(), json, record.timestamp());
        start.update(started);
        RulesVersion replacing = published.value();
        (replacing == null
                        ? RuleVersionDocuments.startInForce(started)
                        : RuleVersionDocuments.startReplaced(started, replacing))
                .forEach(document -> ctx.output(AUDIT, document));
        LOG.info(
                "Start file {} ({} rules) audited, in force from {}",
                startFile.version(),
                startFile.rules().size(),
                Times.iso(record.timestamp()));
    }

    private static void reject(RulesControlRecord record, String json, String reason, Context ctx) {
        LOG.error("Rules file rejected, the rules in force stay: {}", reason);
        ctx.output(
                DEAD_LETTERS,
                new DeadLetter(
                        ReasonCode.INVALID_RULES,
                        reason,
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        json,
                        json == null && record.value() != null
                                ? Base64.getEncoder().encodeToString(record.value())
                                : null,
                        null,
                        null,
                        record.timestamp()));
    }
}
