package org.pingzhi.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimesTest {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final long YEAR_1 = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli();

    @Test
    void printsAndParsesLikeJavaTimeAcrossTheCalendar() {
        SplittableRandom random = new SplittableRandom(20261201);
        for (int i = 0; i < 200_000; i++) {
            long millis = random.nextLong(YEAR_1, YEAR_10000);
            String expected = REFERENCE.format(Instant.ofEpochMilli(millis));
            assertThat(Times.iso(millis)).as("%d", millis).isEqualTo(expected);
            assertThat(Times.parseIso(expected)).as(expected).isEqualTo(millis);
        }
    }

    @Test
    void calendarEdges() {
        for (String iso :
                new String[] {
                    "1970-01-01T00:00:00.000Z",
                    "1999-12-31T23:59:59.999Z",
                    "2000-02-29T12:00:00.000Z",
                    "2024-02-29T23:59:59.999Z",
                    "2100-03-01T00:00:00.000Z",
                    "2026-11-28T02:15:30.000Z",
                    "9999-12-31T23:59:59.999Z"
                }) {
            long millis = Instant.parse(iso).toEpochMilli();
            assertThat(Times.parseIso(iso)).as(iso).isEqualTo(millis);
            assertThat(Times.iso(millis)).isEqualTo(iso);
        }
    }

    @Test
    void otherIsoFormsAreParsedByJavaTime() {
        assertThat(Times.parseIso("2026-11-28T02:15:30Z"))
                .isEqualTo(Instant.parse("2026-11-28T02:15:30Z").toEpochMilli());
        assertThat(Times.parseIso("2026-11-28T02:15:30.123456Z"))
                .isEqualTo(Instant.parse("2026-11-28T02:15:30.123Z").toEpochMilli());
        assertThat(Times.parseIso("1969-12-31T23:59:59.999Z")).isEqualTo(-1);
        assertThat(Times.parseIso("2026-11-28T24:00:00.000Z"))
                .as("the end of a day, as java.time reads it")
                .isEqualTo(Instant.parse("2026-11-29T00:00:00Z").toEpochMilli());
        assertThat(Times.iso(YEAR_10000))
                .isEqualTo(REFERENCE.format(Instant.ofEpochMilli(YEAR_10000)));
    }

    @Test
    void invalidDatesAreRejectedAsJavaTimeRejectsThem() {
        for (String invalid :
                new String[] {
                    "2026-02-29T00:00:00.000Z",
                    "2026-13-01T00:00:00.000Z",
                    "2026-11-31T00:00:00.000Z",
                    "2026-11-28T02:60:00.000Z",
                    "2026-11-28T02:15:3x.000Z",
                    "2026-11-28 02:15:30.000Z"
                }) {
            assertThatThrownBy(() -> Times.parseIso(invalid))
                    .as(invalid)
                    .isInstanceOf(DateTimeParseException.class);
        }
    }
}
