package org.pingzhi.common.model;

/** The two upstream platforms feeding the command center. */
public enum Source {
    POLICE_110("110", "police-110", Priority.P2),
    HOTLINE_12345("12345", "hotline-12345", Priority.P3);

    private final String code;
    private final String defaultTopic;
    private final Priority defaultPriority;

    Source(String code, String defaultTopic, Priority defaultPriority) {
        this.code = code;
        this.defaultTopic = defaultTopic;
        this.defaultPriority = defaultPriority;
    }

    /** The contract's name of the source: "110" or "12345". */
    public String code() {
        return code;
    }

    public String defaultTopic() {
        return defaultTopic;
    }

    /** Priority of an incident whose report record never arrived. */
    public Priority defaultPriority() {
        return defaultPriority;
    }

    /** The incident id prefix, e.g. {@code 110-} for an alarm. */
    public String incidentId(String upstreamId) {
        return code + "-" + upstreamId;
    }

    public static Source fromCode(String code) {
        for (Source source : values()) {
            if (source.code.equals(code)) {
                return source;
            }
        }
        throw new IllegalArgumentException("Unknown source code: " + code);
    }
}
