package org.pingzhi.jobs.rules.publish;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.ExecutionException;
import org.pingzhi.common.rules.InvalidRulesException;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.common.rules.RulesFileParser;
import org.pingzhi.jobs.config.UsageException;
import org.pingzhi.jobs.rules.diff.RulesDiffCommand;

/**
 * {@code pingzhi rules publish FILE}: validates a rules file as the job will, then publishes it to
 * the rules control topic, keyed by its version. An invalid file is never published. {@code pingzhi
 * rules diff} is {@link RulesDiffCommand}.
 */
public final class RulesCommand {

    private static final String DIFF_USAGE =
            "       pingzhi rules diff --hotline FILE --police FILE OLD.json NEW.json [options]"
                    + " (--help: its options)";

    private RulesCommand() {}

    public static void main(String[] args) {
        System.exit(
                args.length > 0 && args[0].equals("diff")
                        ? RulesDiffCommand.run(args, System.getenv(), System.out, System.err)
                        : run(args, System.out, System.err));
    }

    /** Returns the process exit code: 0 published, 1 not published, 2 bad command line. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        PublishArguments arguments;
        try {
            arguments = PublishArguments.parse(args);
        } catch (UsageException e) {
            err.println("pingzhi rules: " + e.getMessage());
            err.println(PublishArguments.USAGE);
            err.println(DIFF_USAGE);
            return 2;
        }
        String json;
        try {
            json =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .decode(ByteBuffer.wrap(Files.readAllBytes(arguments.file())))
                            .toString();
        } catch (CharacterCodingException e) {
            err.println("pingzhi rules: " + arguments.file() + " is not UTF-8 text");
            return 1;
        } catch (IOException e) {
            err.println("pingzhi rules: cannot read " + arguments.file() + ": " + e);
            return 1;
        }
        RulesFile rules;
        try {
            rules = RulesFileParser.standard().parse(json, arguments.file().toString());
        } catch (InvalidRulesException e) {
            err.println("pingzhi rules: not published: " + e.getMessage());
            return 1;
        }
        try {
            RulesPublisher.publish(
                    arguments.bootstrapServers(), arguments.topic(), rules.version(), json);
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            err.println(
                    "pingzhi rules: not published to "
                            + arguments.topic()
                            + " at "
                            + arguments.bootstrapServers()
                            + ": "
                            + cause);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("pingzhi rules: interrupted; the file may or may not be published");
            return 1;
        }
        out.println(
                "pingzhi rules: published version "
                        + rules.version()
                        + " ("
                        + rules.rules().size()
                        + " rules, "
                        + rules.enabledRules().size()
                        + " enabled) to "
                        + arguments.topic());
        return 0;
    }
}
