package org.pingzhi.dispatch.alert;

/** An alert's severity, as the contract's {@code severity} field names it. */
public enum Severity {
    INFO("提示"),
    WARNING("警告"),
    CRITICAL("严重");

    private final String chinese;

    Severity(String chinese) {
        this.chinese = chinese;
    }

    /** The word a duty officer reads, e.g. 严重. */
    public String chinese() {
        return chinese;
    }
}
