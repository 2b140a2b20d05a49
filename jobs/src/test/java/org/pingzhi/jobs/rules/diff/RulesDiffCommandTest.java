package org.pingzhi.jobs.rules.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pingzhi rules diff} end to end: two real replays of crafted history. */
class RulesDiffCommandTest {

    private static final String TOWN = "330482102";

    /** In 新仓镇: three orders within 20 minutes, one alone, then two within 10 minutes. */
    private static final String[] TIMES = {"10:05", "10:15", "10:25", "11:40", "13:00", "13:10"};

    private static final String SAME_IN_BOTH =
            """
              {"id": "hot-town-hour", "kind": "HOTSPOT", "severity": "WARNING", "level": "TOWN",
               "key": ["townCode"], "threshold": 2, "window": "PT1H"}
            """;

    private static final String OLD =
            """
            {"version": "old-1", "rules": [
              {"id": "hot-town", "kind": "HOTSPOT", "severity": "CRITICAL", "level": "CITY",
               "key": ["townCode"], "threshold": 3, "window": "PT30M"},
              {"id": "hot-category", "kind": "HOTSPOT", "severity": "WARNING", "level": "TOWN",
               "key": ["category"], "threshold": 3, "window": "PT30M"},
            """
                    + SAME_IN_BOTH
                    + "]}";

    private static final String NEW =
            """
            {"version": "new-1", "rules": [
              {"id": "hot-town", "kind": "HOTSPOT", "severity": "CRITICAL", "level": "CITY",
               "key": ["townCode"], "threshold": 2, "window": "PT30M"},
            """
                    + SAME_IN_BOTH
                    + "]}";

    @TempDir Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static String hotline() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < TIMES.length; i++) {
            lines.append(
                    "{\"orderId\": \"PH20261128009%02d\", \"seq\": 1, \"action\": \"CREATE\","
                                    .formatted(i + 1)
                            + " \"actionTime\": \"2026-11-28T"
                            + TIMES[i]
                            + ":00+08:00\", \"channel\": \"PHONE\", \"category\":"
                            + " \"劳动保障/工资福利/拖欠工资\", \"town\": \"新仓镇\"}\n");
        }
        return lines.toString();
    }

    private static long at(String time) {
        return OffsetDateTime.parse("2026-11-28T" + time + ":00+08:00").toInstant().toEpochMilli();
    }

    private int run(String... args) {
        return RulesDiffCommand.run(
                args,
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> historyArgs() throws Exception {
        Path hotline = Files.writeString(folder.resolve("hotline-12345.jsonl"), hotline());
        Path police = Files.writeString(folder.resolve("police-110.jsonl"), "");
        return List.of("--hotline", hotline.toString(), "--police", police.toString());
    }

    private String[] diff(Path old, Path now) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("diff"));
        args.addAll(historyArgs());
        args.add(old.toString());
        args.add(now.toString());
        return args.toArray(String[]::new);
    }

    @Test
    void aLowerThresholdShowsTheAlertsOnlyTheNewFileRaises() throws Exception {
        Path old = Files.writeString(folder.resolve("old.json"), OLD);
        Path now = Files.writeString(folder.resolve("new.json"), NEW);

        int exit = run(diff(old, now));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed)
                .contains("old-1", "new-1", "6 records read")
                .contains("rule hot-town: only-old 0, only-new 1, changed 1, same 0")
                .contains("rule hot-category (only in OLD): only-old 1, only-new 0")
                .contains("rule hot-town-hour: same (2 alerts)");
        // the pair at 13:00 reaches the threshold of 2 only
        assertThat(printed)
                .contains(
                        "  only new  rule:hot-town:"
                                + TOWN
                                + ":"
                                + at("13:00")
                                + "  window 2026-11-28T05:00:00.000Z .. 2026-11-28T05:10:00.000Z"
                                + "  count 2  town 新仓镇 "
                                + TOWN);
        // the first three are one episode either way, fired by the second order instead of the
        // third
        assertThat(printed)
                .containsPattern(
                        "  changed   rule:hot-town:" + TOWN + ":" + at("10:05") + "  firedAt ");
        assertThat(printed).doesNotContain("only old  rule:hot-town:");
        assertReplaysRemoved();
    }

    /** The replays' output folders, named in the progress lines, are gone with their parent. */
    private void assertReplaysRemoved() {
        Matcher output =
                Pattern.compile("into (\\S+)").matcher(err.toString(StandardCharsets.UTF_8));
        int outputs = 0;
        while (output.find()) {
            outputs++;
            Path replayed = Path.of(output.group(1));
            assertThat(replayed).doesNotExist();
            assertThat(replayed.getParent()).doesNotExist();
        }
        assertThat(outputs).isEqualTo(2);
    }

    @Test
    void invalidFilesAreNamedWithTheRuleAndTheProblemBeforeAnythingRuns() throws Exception {
        Path old = Files.writeString(folder.resolve("old.json"), OLD.replace("PT30M", "PT0S"));
        Path now =
                Files.writeString(
                        folder.resolve("new.json"),
                        NEW.replace(
                                "\"threshold\": 2, \"window\": \"PT30M\"",
                                "\"threshold\": 1," + " \"window\": \"PT30M\""));

        int exit = run(diff(old, now));

        String problems = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(2);
        assertThat(problems)
                .contains("OLD rules file " + old, "\"hot-town\"", "window")
                .contains("NEW rules file " + now, "\"threshold\"")
                .doesNotContain("replaying");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aBadCommandLineShowsTheUsage() throws Exception {
        Path old = Files.writeString(folder.resolve("old.json"), OLD);
        List<String> history = historyArgs();

        assertThat(run("diff", history.get(0), history.get(1), old.toString())).isEqualTo(2);
        assertThat(
                        run(
                                "diff",
                                old.toString(),
                                old.toString(),
                                "--out",
                                folder.resolve("x").toString()))
                .isEqualTo(2);
        assertThat(run("diff", old.toString(), old.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(
                        "two rules files", "--out is not for a diff", "--hotline FILE is required")
                .contains("Usage: pingzhi rules diff");
    }
}
