package org.pingzhi.jobs.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The response targets: rules matched in order on an incident's own source, unified category,
 * priority and town (code or kind); the first rule that matches gives the target, none matching
 * gives the default. A handed-over incident is looked up as its own source, 110.
 *
 * <h2>Policy file format</h2>
 *
 * A JSON object (UTF-8):
 *
 * <pre>{@code
 * {
 *   "description": "free text, optional",
 *   "defaultTargetSeconds": 600,
 *   "rules": [
 *     { "name": "P1 emergencies", "priority": "P1", "targetSeconds": 300 },
 *     { "name": "subdistricts", "townKind": "subdistrict", "targetSeconds": 300 },
 *     { "source": "12345", "category": "LABOUR", "townCode": "330482102", "targetSeconds": 900 }
 *   ]
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code defaultTargetSeconds} (optional, default 600) and each rule's {@code targetSeconds}
 *       (required): whole seconds, 1 to 86400.
 *   <li>{@code rules} (optional, default none), each with any of these conditions, all of which
 *       must hold (an absent condition matches anything): {@code source} "110" or "12345"; {@code
 *       category} a unified category code (FIRE_SAFETY, PUBLIC_SECURITY, DISPUTE, LABOUR, TRAFFIC,
 *       CITY_ENVIRONMENT, PUBLIC_SERVICE, TELECOM_FRAUD, OTHER); {@code priority} "P1", "P2" or
 *       "P3"; {@code townCode} a nine-digit town code; {@code townKind} "subdistrict" (街道) or
 *       "town" (镇), as in towns.tsv. {@code name} is optional free text.
 *   <li>Anything else — an unknown key, a value of the wrong type or out of range, a duplicate key,
 *       a file that is not JSON — fails the load with an {@link IllegalArgumentException} naming
 *       the file, the rule and the key.
 * </ul>
 *
 * <p>Shipped: {@code sla/default-policy.json} (every incident 600 s, the contract's default) and
 * {@code sla/example-tiered-policy.json} (P1 5 min; otherwise 5 min in subdistricts, 10 in towns).
 */
public final class SlaPolicy implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The classpath resource of the default policy. */
    public static final String DEFAULT_RESOURCE = "sla/default-policy.json";

    private final String origin;
    private final int defaultTargetSeconds;
    private final List<SlaRule> rules;

    SlaPolicy(String origin, int defaultTargetSeconds, List<SlaRule> rules) {
        this.origin = origin;
        this.defaultTargetSeconds = defaultTargetSeconds;
        this.rules = List.copyOf(rules);
    }

    /** The policy shipped with the project: every incident 600 s. */
    public static SlaPolicy defaultPolicy() {
        return fromResource(DEFAULT_RESOURCE);
    }

    /** A policy from the classpath, e.g. {@code sla/example-tiered-policy.json}. */
    public static SlaPolicy fromResource(String resource) {
        try (InputStream in = SlaPolicy.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No SLA policy resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read SLA policy resource " + resource, e);
        }
    }

    /**
     * A policy file; unreadable: {@link UncheckedIOException}, invalid: {@link
     * IllegalArgumentException}.
     */
    public static SlaPolicy load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read SLA policy file " + file, e);
        }
    }

    /** A policy from its JSON text; {@code origin} names it in error messages. */
    public static SlaPolicy parse(String json, String origin) {
        return SlaPolicyFormat.parse(json, origin);
    }

    /** The file of {@link SlaOptions#POLICY_FILE} when set, else the default policy. */
    public static SlaPolicy fromConfig(ReadableConfig config) {
        return config.getOptional(SlaOptions.POLICY_FILE)
                .map(Path::of)
                .map(SlaPolicy::load)
                .orElseGet(SlaPolicy::defaultPolicy);
    }

    public int targetSeconds(SlaSubject subject) {
        for (SlaRule rule : rules) {
            if (rule.matches(subject)) {
                return rule.targetSeconds();
            }
        }
        return defaultTargetSeconds;
    }

    public long targetMillis(SlaSubject subject) {
        return targetSeconds(subject) * 1000L;
    }

    public int defaultTargetSeconds() {
        return defaultTargetSeconds;
    }

    public List<SlaRule> rules() {
        return rules;
    }

    /** Where the policy was loaded from. */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "SlaPolicy["
                + origin
                + ", "
                + rules.size()
                + " rules, default "
                + defaultTargetSeconds
                + " s]";
    }
}
