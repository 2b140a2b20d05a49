package org.pingzhi.jobs.lifecycle;

/**
 * The unified categories of the contract's categories.tsv, with the names duty officers read.
 *
 * <p>Incidents carry the category as its code (a String), as the normalizer writes it; this enum
 * names the codes the lifecycle needs to know: {@code OTHER} as the fallback, the full set to
 * validate SLA policies, the display names for alert texts.
 */
public enum UnifiedCategory {
    FIRE_SAFETY("消防安全"),
    PUBLIC_SECURITY("治安刑事"),
    DISPUTE("矛盾纠纷"),
    LABOUR("劳动保障"),
    TRAFFIC("交通"),
    CITY_ENVIRONMENT("城市管理与环境"),
    PUBLIC_SERVICE("民生服务"),
    TELECOM_FRAUD("电信网络诈骗"),
    OTHER("其他");

    private final String displayName;

    UnifiedCategory(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public static boolean isKnown(String code) {
        for (UnifiedCategory category : values()) {
            if (category.name().equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** The Chinese name of a category code; an unknown code is shown as itself. */
    public static String displayNameOf(String code) {
        return isKnown(code) ? valueOf(code).displayName : code;
    }
}
