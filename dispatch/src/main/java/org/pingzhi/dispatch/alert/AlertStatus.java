package org.pingzhi.dispatch.alert;

/** An alert's status, as the contract's {@code status} field names it. */
public enum AlertStatus {
    OPEN("未处置"),
    ACKED("已确认"),
    RESOLVED("已解除");

    private final String chinese;

    AlertStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
