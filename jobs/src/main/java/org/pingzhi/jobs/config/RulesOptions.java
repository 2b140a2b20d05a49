package org.pingzhi.jobs.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.common.rules.RulesFileParser;

/** The windowed rules the live job starts with (contract rules.md). */
public final class RulesOptions {

    public static final ConfigOption<String> RULES_FILE =
            ConfigOptions.key("pingzhi.rules.file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Rules file (JSON, contract rules.md), validated at start; without"
                                    + " it, the rules shipped for Pinghu.");

    private RulesOptions() {}

    /**
     * The rules of {@link #RULES_FILE}, else the shipped ones.
     *
     * @throws org.pingzhi.common.rules.InvalidRulesException naming the rule and the problem
     */
    public static RulesFile rules(ReadableConfig config) {
        return RulesFileParser.standard()
                .parse(
                        text(config),
                        config.getOptional(RULES_FILE).orElse(RulesFile.DEFAULT_RESOURCE));
    }

    /** The text of {@link #RULES_FILE}, else of the shipped rules: what {@link #rules} parses. */
    public static String text(ReadableConfig config) {
        return config.getOptional(RULES_FILE)
                .map(file -> read(Path.of(file)))
                .orElseGet(RulesFileParser::defaultText);
    }

    /** A rules file read and validated. */
    public static RulesFile load(Path file) {
        return RulesFileParser.standard().parse(read(file), file.toString());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rules file " + file, e);
        }
    }
}
