package org.pingzhi.jobs.sla;

/**
 * Whether a town code names one of the city's subdistricts (街道) or a town (镇), as the SLA policy
 * tiers them.
 *
 * <p>Read from the code itself by the national division-code convention (GB/T 10114): the last
 * three digits 001–099 are subdistricts, 100 and above towns (and townships, tiered with towns).
 * towns.tsv follows it: 330482001–003 are the three 街道, 330482100–105 the six 镇.
 */
public enum TownKind {
    SUBDISTRICT("subdistrict"),
    TOWN("town");

    private final String policyName;

    TownKind(String policyName) {
        this.policyName = policyName;
    }

    /** The name used in policy files. */
    public String policyName() {
        return policyName;
    }

    /** The kind of a town code, or null when it is not a nine-digit town code. */
    public static TownKind of(String townCode) {
        if (!isTownCode(townCode)) {
            return null;
        }
        return Integer.parseInt(townCode.substring(6)) < 100 ? SUBDISTRICT : TOWN;
    }

    public static boolean isTownCode(String code) {
        return code != null && code.matches("\\d{9}");
    }

    public static TownKind fromPolicyName(String name) {
        for (TownKind kind : values()) {
            if (kind.policyName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(
                "townKind must be \"subdistrict\" or \"town\", not \"" + name + "\"");
    }
}
