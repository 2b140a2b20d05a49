package org.pingzhi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.common.rules.RuleKind;
import org.pingzhi.common.rules.RulesFileParser;

class RuleStateFootprintTest {

    @TempDir Path work;

    @Test
    void everyKindOfTheShippedRulesIsMeasuredFromGroupsHoldingState() throws Exception {
        BenchInput input =
                BenchInput.prepare(
                        work,
                        6_000,
                        Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        RuleStateFootprint.Result result =
                RuleStateFootprint.measure(
                        StateFootprint.sample(input),
                        RulesFileParser.loadDefault(),
                        work.resolve("checkpoints"));

        assertThat(result.groups()).containsOnlyKeys(RuleKind.values());
        result.groups()
                .forEach(
                        (kind, groups) -> {
                            assertThat(groups.keys()).as(kind + " groups").isPositive();
                            assertThat(groups.heapBytesPerKey()).as(kind + " heap").isPositive();
                            assertThat(groups.rocksDbBytesPerKey())
                                    .as(kind + " RocksDB")
                                    .isPositive();
                        });
        assertThat(result.routedIncidents().keys()).isPositive();
    }
}
