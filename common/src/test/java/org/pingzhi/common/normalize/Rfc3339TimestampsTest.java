package org.pingzhi.common.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339TimestampsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "2026-11-28T10:15:30+08:00, 2026-11-28T02:15:30Z",
        "2026-11-28T02:15:30Z, 2026-11-28T02:15:30Z",
        "2026-11-28t02:15:30z, 2026-11-28T02:15:30Z",
        "2026-11-28T02:15:30-00:00, 2026-11-28T02:15:30Z",
        "2026-11-27T21:15:30-05:00, 2026-11-28T02:15:30Z",
        "2026-11-28T10:15:30.5+08:00, 2026-11-28T02:15:30.500Z",
        "2026-11-28T10:15:30.123+08:00, 2026-11-28T02:15:30.123Z",
        "2026-11-28T10:15:30.123999999+08:00, 2026-11-28T02:15:30.123Z",
        "2026-11-28T10:15:30.000001Z, 2026-11-28T10:15:30Z",
        "2026-11-28T05:45:30+05:45, 2026-11-28T00:00:30Z",
        "2016-12-31T23:59:60Z, 2016-12-31T23:59:59.999Z",
        "2028-02-29T00:00:00Z, 2028-02-29T00:00:00Z",
        "1970-01-01T00:00:00Z, 1970-01-01T00:00:00Z",
    })
    void parsesRfc3339DateTimes(String text, String instant) {
        assertThat(Rfc3339Timestamps.toEpochMillis(text))
                .hasValue(Instant.parse(instant).toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-28T10:00:00", // no offset
                "2026-11-28 10:00:00+08:00", // space separator
                "2026-11-28T10:00+08:00", // no seconds
                "2026-11-28T10:00:00.+08:00", // empty fraction
                "2026-11-28T10:00:00+0800", // offset without colon
                "2026-11-28T10:00:00+08", // offset without minutes
                "2026-11-28T10:00:00 +08:00",
                "2026-11-28T10:00:00+08:00 ",
                " 2026-11-28T10:00:00+08:00",
                "2026-11-28", // date only
                "28/11/2026 10:00",
                "2026-02-30T10:00:00Z", // no such day
                "2027-02-29T10:00:00Z", // not a leap year
                "2026-13-01T10:00:00Z",
                "2026-11-28T24:00:00Z",
                "2026-11-28T10:60:00Z",
                "2026-11-28T10:00:61Z",
                "2026-11-28T10:00:00+08:60",
                "2026-11-28T10:00:00+19:00", // beyond ±18:00
                "+2026-11-28T10:00:00Z",
                "20261128T100000Z", // ISO 8601 basic format is not RFC 3339
                "2026-11-28T10:00:00.123456Z+08:00",
                "２０２６-11-28T10:00:00Z", // full-width digits
                "1795831200000",
                "",
            })
    void refusesAnythingElse(String text) {
        assertThat(Rfc3339Timestamps.toEpochMillis(text)).isEmpty();
    }
}
