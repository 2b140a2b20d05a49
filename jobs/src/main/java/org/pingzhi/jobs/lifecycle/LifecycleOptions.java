package org.pingzhi.jobs.lifecycle;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Configuration of the incident lifecycle operator (see {@link LifecycleSettings}). */
public final class LifecycleOptions {

    public static final ConfigOption<Duration> RETENTION =
            ConfigOptions.key("pingzhi.lifecycle.retention")
                    .durationType()
                    .defaultValue(LifecycleSettings.DEFAULT_RETENTION)
                    .withDescription(
                            "How long an incident's state is kept after it is CLOSED or CANCELLED,"
                                    + " from its latest record.");

    public static final ConfigOption<Duration> MAX_AGE =
            ConfigOptions.key("pingzhi.lifecycle.max-age")
                    .durationType()
                    .defaultValue(LifecycleSettings.DEFAULT_MAX_AGE)
                    .withDescription(
                            "How long after its report an incident's state is kept at most,"
                                    + " whatever its status.");

    public static final ConfigOption<Duration> SUMMARY_RETENTION =
            ConfigOptions.key("pingzhi.lifecycle.summary-retention")
                    .durationType()
                    .defaultValue(LifecycleSettings.DEFAULT_SUMMARY_RETENTION)
                    .withDescription(
                            "How long a compact summary of an incident is kept after its state is"
                                    + " dropped: a late record within it updates the incident's"
                                    + " status and milestones with the SLA as decided. A record of"
                                    + " an unknown incident older than this is dead-lettered"
                                    + " (INCIDENT_EXPIRED).");

    public static final ConfigOption<Integer> MAX_RECORDS_PER_INCIDENT =
            ConfigOptions.key("pingzhi.lifecycle.max-records-per-incident")
                    .intType()
                    .defaultValue(LifecycleSettings.DEFAULT_MAX_RECORDS)
                    .withDescription(
                            "The most distinct records one incident keeps (at least 16); beyond it"
                                    + " only records that set a milestone or the report are kept.");

    private LifecycleOptions() {}
}
