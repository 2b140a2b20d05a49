package org.pingzhi.jobs.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.normalize.Normalizer;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.config.RulesOptions;
import org.pingzhi.jobs.graph.CommandCenterGraph;
import org.pingzhi.jobs.graph.CommandCenterSettings;
import org.pingzhi.jobs.lifecycle.LifecycleSettings;
import org.pingzhi.jobs.sla.SlaPolicy;
import org.pingzhi.jobs.time.EventTime;
import org.pingzhi.jobs.time.ReplayWatermarks;
import org.pingzhi.jobs.time.TimeOptions;

/**
 * The command-center graph bounded over JSONL files, in event time only: a first pass over the
 * files finds how far each one's watermark may move without any of its records falling behind it,
 * so every deadline is decided knowing every record up to it, and none after the horizon fires.
 */
public final class ReplayJob {

    private ReplayJob() {}

    public static ReplaySummary run(ReplayArguments arguments) throws Exception {
        Configuration configuration = Configuration.fromMap(arguments.configuration());
        // One wall-clock instant for the whole replay, so that the scan for the horizon and the
        // job reject exactly the same records as lying in the future.
        Normalizer normalizer =
                Normalizer.fromConfiguration(
                        configuration, Clock.fixed(Instant.now(), ZoneOffset.UTC));
        SlaPolicy policy =
                arguments.policy() == null
                        ? SlaPolicy.fromConfig(configuration)
                        : SlaPolicy.load(arguments.policy());
        InputScans scans =
                scanInputs(
                        arguments,
                        normalizer,
                        configuration.get(TimeOptions.REPLAY_WATERMARK_STEP));

        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(arguments.parallelism());

        CommandCenterSettings settings =
                CommandCenterSettings.of(
                        policy,
                        LifecycleSettings.fromConfig(configuration, scans.horizon()),
                        arguments.rules() == null
                                ? RulesFile.NONE
                                : RulesOptions.load(arguments.rules()),
                        configuration);
        CommandCenterGraph.build(
                        fileRecords(
                                env,
                                arguments.hotline(),
                                Source.HOTLINE_12345,
                                normalizer,
                                scans.hotline().watermarks()),
                        fileRecords(
                                env,
                                arguments.police(),
                                Source.POLICE_110,
                                normalizer,
                                scans.police().watermarks()),
                        settings)
                .allDocuments()
                .sinkTo(new ReplayFilesSink(arguments.outputDirectory()))
                .setParallelism(1)
                .uid("replay-files")
                .name("Replay output files");
        env.execute("pingzhi replay");
        return ReplaySummary.read(
                arguments.outputDirectory(), scans.hotline().records() + scans.police().records());
    }

    private record InputScans(InputScan hotline, InputScan police) {
        /** The latest valid event time of both inputs. */
        long horizon() {
            return Math.max(hotline.horizon(), police.horizon());
        }
    }

    /** Both files at once: the pass is all parsing, which the job does again after it. */
    private static InputScans scanInputs(
            ReplayArguments arguments, Normalizer normalizer, int watermarkStep)
            throws IOException, InterruptedException, ExecutionException {
        FutureTask<InputScan> police =
                new FutureTask<>(
                        () ->
                                InputScan.of(
                                        arguments.police(),
                                        Source.POLICE_110,
                                        normalizer,
                                        watermarkStep));
        Thread policeScan = new Thread(police, "replay-input-scan-" + Source.POLICE_110.code());
        policeScan.setDaemon(true);
        policeScan.start();
        InputScan hotline =
                InputScan.of(arguments.hotline(), Source.HOTLINE_12345, normalizer, watermarkStep);
        try {
            return new InputScans(hotline, police.get());
        } catch (ExecutionException e) {
            // the police file's own failure, as a scan of it alone would have thrown it
            if (e.getCause() instanceof IOException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private static DataStream<Either<UnifiedEvent, DeadLetter>> fileRecords(
            StreamExecutionEnvironment env,
            Path file,
            Source source,
            Normalizer normalizer,
            ReplayWatermarks watermarks) {
        String topic = source.defaultTopic();
        FileSource<Either<UnifiedEvent, DeadLetter>> files =
                FileSource.forRecordStreamFormat(
                                new JsonlRecordFormat(source, normalizer),
                                new org.apache.flink.core.fs.Path(file.toAbsolutePath().toUri()))
                        .build();
        return env.fromSource(files, EventTime.replay(watermarks), "Replay " + topic)
                .uid("replay-source-" + topic);
    }
}
