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
        return config.getOptional(RULES_FILE)
                .map(file -> load(Path.of(file)))
                .orElseGet(RulesFileParser::loadDefault);
    }

    /** A rules file read and validated. */
    public static RulesFile load(Path file) {
        try {
            return RulesFileParser.standard().parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rules file " + file, e);
        }
    }
}
