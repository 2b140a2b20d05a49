package org.pingzhi.dispatch.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.pingzhi.common.directory.Town;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.json.Json;
import org.pingzhi.dispatch.alert.AlertLevel;
import org.pingzhi.dispatch.alert.Severity;
import org.pingzhi.dispatch.channel.BodyTemplate;
import org.pingzhi.dispatch.channel.Channel;
import org.pingzhi.dispatch.channel.DingTalkRobot;
import org.pingzhi.dispatch.channel.GenericWebhook;
import org.pingzhi.dispatch.channel.WeComRobot;

/**
 * Reads and validates a duty roster file (format: {@code dispatch/README.md}, sample: {@code
 * dispatch/roster/pinghu-sample.json}). Every problem of the file is reported at once, each naming
 * its entry; a roster that leaves any town or the city unstaffed for any severity is refused.
 */
public final class RosterFile {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int MAX_ACK_TIMEOUT_MINUTES = 24 * 60;
    private static final int MAX_RESENDS = 10;

    private final String source;
    private final TownDirectory towns;
    private final List<String> problems = new ArrayList<>();

    /** People and channels with a problem of their own, not reported again where used. */
    private final Set<String> refused = new HashSet<>();

    private RosterFile(String source, TownDirectory towns) {
        this.source = source;
        this.towns = towns;
    }

    /** The roster in {@code file}, for the towns of {@code towns}. */
    public static DutyRoster load(Path file, TownDirectory towns) throws IOException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), towns);
    }

    /**
     * The roster of {@code json}.
     *
     * @param source names the roster in error messages (its file)
     * @throws InvalidRosterException listing every problem
     */
    public static DutyRoster parse(String source, String json, TownDirectory towns) {
        return new RosterFile(source, towns).read(json);
    }

    private DutyRoster read(String json) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidRosterException(
                    source, List.of("not JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRosterException(source, List.of("not a JSON object"));
        }
        unknownFields(
                root,
                "the roster",
                "about",
                "dayShiftStarts",
                "nightShiftStarts",
                "holidays",
                "workdays",
                "policies",
                "people",
                "channels",
                "duties");
        LocalTime dayStarts = time(root, "dayShiftStarts");
        LocalTime nightStarts = time(root, "nightShiftStarts");
        if (dayStarts != null && nightStarts != null && !dayStarts.isBefore(nightStarts)) {
            problems.add(
                    "dayShiftStarts "
                            + dayStarts
                            + " must be before nightShiftStarts "
                            + nightStarts);
        }
        Set<LocalDate> holidays = dates(root, "holidays");
        Set<LocalDate> workdays = dates(root, "workdays");
        for (LocalDate date : holidays) {
            if (workdays.contains(date)) {
                problems.add(date + " is listed both in holidays and in workdays");
            }
        }
        Map<String, Person> people = people(root);
        Map<String, Channel> channels = channels(root);
        Map<Severity, AckPolicy> policies = policies(root);
        Map<DutyDesk, Duty> duties = duties(root, people, channels);
        if (!problems.isEmpty()) {
            throw new InvalidRosterException(source, problems);
        }
        return new DutyRoster(dayStarts, nightStarts, holidays, workdays, duties, policies);
    }

    private LocalTime time(JsonNode root, String field) {
        String text = text(root, field, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(field + " is not a time of day like 08:00: " + text);
            return null;
        }
    }

    private Set<LocalDate> dates(JsonNode root, String field) {
        Set<LocalDate> dates = new LinkedHashSet<>();
        for (JsonNode node : array(root, field, field, false)) {
            try {
                dates.add(LocalDate.parse(node.asText()));
            } catch (DateTimeParseException e) {
                problems.add(field + " holds " + node + ", not a date like 2026-10-01");
            }
        }
        return dates;
    }

    private Map<String, Person> people(JsonNode root) {
        Map<String, Person> people = new LinkedHashMap<>();
        List<JsonNode> entries = array(root, "people", "people", true);
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String where = "people[" + i + "]";
            unknownFields(entry, where, "id", "name", "mobile");
            String id = identifier(entry, "id", where);
            if (id == null) {
                continue;
            }
            where += " \"" + id + "\"";
            String mobile = text(entry, "mobile", where);
            if (mobile != null && !MOBILE.matcher(mobile).matches()) {
                problems.add(where + ": mobile is not an 11-digit mainland mobile number");
                refused.add(id);
                mobile = null;
            }
            String name = entry.path("name").asText(null);
            if (mobile != null && people.put(id, new Person(id, name, mobile)) != null) {
                problems.add(where + ": id is used twice");
            }
        }
        return people;
    }

    private Map<String, Channel> channels(JsonNode root) {
        Map<String, Channel> channels = new LinkedHashMap<>();
        List<JsonNode> entries = array(root, "channels", "channels", true);
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String where = "channels[" + i + "]";
            unknownFields(entry, where, "name", "type", "webhook", "secret", "url", "bodyTemplate");
            String name = identifier(entry, "name", where);
            if (name == null) {
                continue;
            }
            where += " \"" + name + "\"";
            Channel channel = channel(entry, name, where);
            if (channel == null) {
                refused.add(name);
            }
            if (channel != null && channels.put(name, channel) != null) {
                problems.add(where + ": name is used twice");
            }
        }
        return channels;
    }

    private Channel channel(JsonNode entry, String name, String where) {
        String type = text(entry, "type", where);
        if (type == null) {
            return null;
        }
        switch (type) {
            case "DINGTALK":
                {
                    URI webhook = url(entry, "webhook", where);
                    String secret = text(entry, "secret", where);
                    if (secret != null && !secret.startsWith("SEC")) {
                        problems.add(where + ": secret is not a DingTalk signing secret (SEC…)");
                        return null;
                    }
                    return webhook == null || secret == null
                            ? null
                            : new DingTalkRobot(name, webhook, secret);
                }
            case "WECOM":
                {
                    URI webhook = url(entry, "webhook", where);
                    return webhook == null ? null : new WeComRobot(name, webhook);
                }
            case "WEBHOOK":
                {
                    URI url = url(entry, "url", where);
                    String template = text(entry, "bodyTemplate", where);
                    if (url == null || template == null) {
                        return null;
                    }
                    try {
                        return new GenericWebhook(name, url, BodyTemplate.parse(template));
                    } catch (IllegalArgumentException e) {
                        problems.add(where + ": bodyTemplate: " + e.getMessage());
                        return null;
                    }
                }
            default:
                problems.add(where + ": type " + type + " is not DINGTALK, WECOM or WEBHOOK");
                return null;
        }
    }

    /** An https URL; plain http only to this machine (a test double, a local relay). */
    private URI url(JsonNode entry, String field, String where) {
        String text = text(entry, field, where);
        if (text == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            problems.add(where + ": " + field + " is not a URL: " + e.getReason());
            return null;
        }
        boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
        if (uri.getHost() == null
                || !("https".equals(uri.getScheme())
                        || ("http".equals(uri.getScheme()) && loopback))) {
            problems.add(where + ": " + field + " must be an https URL (http only to localhost)");
            return null;
        }
        return uri;
    }

    private Map<Severity, AckPolicy> policies(JsonNode root) {
        Map<Severity, AckPolicy> policies = new EnumMap<>(Severity.class);
        Set<Severity> listed = new HashSet<>();
        List<JsonNode> entries = array(root, "policies", "policies", true);
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String where = "policies[" + i + "]";
            unknownFields(
                    entry, where, "severity", "ackTimeoutMinutes", "resends", "escalateToCity");
            Severity severity = severity(entry.get("severity"), where);
            if (severity == null) {
                continue;
            }
            where += " " + severity;
            if (!listed.add(severity)) {
                problems.add(where + ": a second policy for " + severity);
                continue;
            }
            Integer timeout =
                    integer(entry, "ackTimeoutMinutes", where, 1, MAX_ACK_TIMEOUT_MINUTES);
            Integer resends = integer(entry, "resends", where, 0, MAX_RESENDS);
            JsonNode escalate = entry.get("escalateToCity");
            if (escalate == null || !escalate.isBoolean()) {
                problems.add(where + ": escalateToCity must be true or false");
                continue;
            }
            if (timeout != null && resends != null) {
                policies.put(
                        severity,
                        new AckPolicy(
                                severity,
                                Duration.ofMinutes(timeout),
                                resends,
                                escalate.booleanValue()));
            }
        }
        if (!listed.contains(Severity.CRITICAL)) {
            problems.add(
                    "policies: CRITICAL alerts need a policy (acknowledgement timeout, resends)");
        }
        return policies;
    }

    private Map<DutyDesk, Duty> duties(
            JsonNode root, Map<String, Person> people, Map<String, Channel> channels) {
        Map<DutyDesk, Duty> duties = new HashMap<>();
        Map<DutyDesk, String> staffedBy = new HashMap<>();
        List<JsonNode> entries = array(root, "duties", "duties", true);
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String where = "duties[" + i + "]";
            unknownFields(
                    entry,
                    where,
                    "level",
                    "townCode",
                    "town",
                    "severities",
                    "workday",
                    "holiday",
                    "channels");
            AlertLevel level = level(entry, where);
            String townCode = entry.path("townCode").asText(null);
            if (level == AlertLevel.TOWN) {
                if (townCode == null) {
                    problems.add(where + ": a TOWN duty needs a townCode");
                    continue;
                }
                if (towns.byCode(townCode).isEmpty()) {
                    problems.add(where + ": townCode " + townCode + " is not in towns.tsv");
                    continue;
                }
                where += " (TOWN " + townCode + ")";
                String town = entry.path("town").asText(null);
                String name = towns.byCode(townCode).get().name();
                if (town != null && !town.equals(name)) {
                    problems.add(
                            where
                                    + ": town "
                                    + town
                                    + " is not the name of "
                                    + townCode
                                    + ", "
                                    + name);
                }
            } else if (level == AlertLevel.CITY) {
                if (townCode != null) {
                    problems.add(where + ": a CITY duty has no townCode");
                    continue;
                }
                where += " (CITY)";
            } else {
                continue;
            }
            List<Severity> severities = new ArrayList<>();
            List<JsonNode> listed = array(entry, "severities", where + ": severities", true);
            for (JsonNode node : listed) {
                Severity severity = severity(node, where);
                if (severity != null) {
                    severities.add(severity);
                }
            }
            Crew workday = crew(entry, "workday", where, people, true);
            Crew holiday = crew(entry, "holiday", where, people, false);
            List<Channel> paged = new ArrayList<>();
            for (JsonNode node : array(entry, "channels", where + ": channels", true)) {
                Channel channel = channels.get(node.asText());
                if (channel == null && !refused.contains(node.asText())) {
                    problems.add(where + ": channel " + node + " is not in channels");
                } else if (channel != null) {
                    paged.add(channel);
                }
            }
            Duty duty =
                    workday == null || paged.isEmpty() ? null : new Duty(workday, holiday, paged);
            for (Severity severity : severities) {
                DutyDesk desk =
                        new DutyDesk(level, level == AlertLevel.TOWN ? townCode : null, severity);
                String earlier = staffedBy.putIfAbsent(desk, where);
                if (earlier != null) {
                    problems.add(where + ": " + desk + " is already staffed by " + earlier);
                } else if (duty != null) {
                    duties.put(desk, duty);
                }
            }
        }
        checkEveryDeskStaffed(staffedBy.keySet());
        return duties;
    }

    private Crew crew(
            JsonNode entry,
            String field,
            String where,
            Map<String, Person> people,
            boolean required) {
        JsonNode node = entry.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(where + ": " + field + " (the crew of each shift) is missing");
            }
            return null;
        }
        List<Person> day = shift(node, "day", where + ": " + field + ".day", people);
        List<Person> night = shift(node, "night", where + ": " + field + ".night", people);
        return day == null || night == null ? null : new Crew(day, night);
    }

    private List<Person> shift(
            JsonNode crew, String field, String where, Map<String, Person> people) {
        List<JsonNode> ids = array(crew, field, where, true);
        List<Person> persons = new ArrayList<>();
        for (JsonNode id : ids) {
            Person person = people.get(id.asText());
            if (person == null) {
                if (!refused.contains(id.asText())) {
                    problems.add(where + ": person " + id + " is not in people");
                }
                return null;
            }
            persons.add(person);
        }
        return ids.isEmpty() ? null : persons;
    }

    /**
     * Every town of towns.tsv and the city, for every severity, by some duty (a duty with a problem
     * of its own counts, so that its problem is not reported twice).
     */
    private void checkEveryDeskStaffed(Set<DutyDesk> staffed) {
        for (Severity severity : Severity.values()) {
            for (Town town : towns.all()) {
                DutyDesk desk = new DutyDesk(AlertLevel.TOWN, town.code(), severity);
                if (!staffed.contains(desk)) {
                    problems.add("no duty for " + desk + " (" + town.name() + ")");
                }
            }
            DutyDesk city = new DutyDesk(AlertLevel.CITY, null, severity);
            if (!staffed.contains(city)) {
                problems.add("no duty for " + city);
            }
        }
    }

    /** A misspelt field would otherwise be ignored silently (a holiday crew never used). */
    private void unknownFields(JsonNode entry, String where, String... known) {
        if (!entry.isObject()) {
            problems.add(where + " is not a JSON object");
            return;
        }
        Set<String> allowed = Set.of(known);
        entry.fieldNames()
                .forEachRemaining(
                        field -> {
                            if (!allowed.contains(field)) {
                                problems.add(where + ": unknown field " + field);
                            }
                        });
    }

    private AlertLevel level(JsonNode entry, String where) {
        String text = text(entry, "level", where);
        if (text == null) {
            return null;
        }
        try {
            return AlertLevel.valueOf(text);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": level " + text + " is not TOWN or CITY");
            return null;
        }
    }

    private Severity severity(JsonNode node, String where) {
        if (node == null || !node.isTextual()) {
            problems.add(where + ": severity " + node + " is not INFO, WARNING or CRITICAL");
            return null;
        }
        try {
            return Severity.valueOf(node.textValue());
        } catch (IllegalArgumentException e) {
            problems.add(where + ": severity " + node + " is not INFO, WARNING or CRITICAL");
            return null;
        }
    }

    private String identifier(JsonNode entry, String field, String where) {
        String name = text(entry, field, where);
        if (name != null && !NAME.matcher(name).matches()) {
            problems.add(where + ": " + name + " is not a plain name (letters, digits, . _ -)");
            return null;
        }
        return name;
    }

    private Integer integer(JsonNode entry, String field, String where, int min, int max) {
        JsonNode node = entry.get(field);
        if (node == null
                || !node.isIntegralNumber()
                || node.asLong() < min
                || node.asLong() > max) {
            problems.add(
                    where + ": " + field + " must be a whole number from " + min + " to " + max);
            return null;
        }
        return node.intValue();
    }

    private String text(JsonNode entry, String field, String where) {
        JsonNode node = entry.get(field);
        if (node == null || !node.isTextual() || node.textValue().isBlank()) {
            problems.add(
                    (where.equals(field) ? field : where + ": " + field)
                            + " is missing or not a non-empty string");
            return null;
        }
        return node.textValue();
    }

    private List<JsonNode> array(JsonNode entry, String field, String where, boolean required) {
        JsonNode node = entry.get(field);
        List<JsonNode> items = new ArrayList<>();
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(where + " is missing");
            }
            return items;
        }
        if (!node.isArray()) {
            problems.add(where + " is not an array");
            return items;
        }
        node.forEach(items::add);
        if (required && items.isEmpty()) {
            problems.add(where + " is empty");
        }
        return items;
    }
}
