package org.pingzhi.dispatch.alert;

/** Who an alert is for: a town's duty desk or the city command center. */
public enum AlertLevel {
    TOWN("镇街"),
    CITY("市级");

    private final String chinese;

    AlertLevel(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
