package org.pingzhi.jobs.sla;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Configuration of the response SLA. */
public final class SlaOptions {

    public static final ConfigOption<String> POLICY_FILE =
            ConfigOptions.key("pingzhi.sla.policy-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Path of the SLA policy JSON file (format: SlaPolicy javadoc). Unset:"
                                    + " the shipped default, every incident 600 s.");

    private SlaOptions() {}
}
