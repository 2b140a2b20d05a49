package org.pingzhi.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DocumentIdOrderTest {

    @Test
    void ordersNumericSegmentsByValue() {
        List<String> ids = List.of("police-110:0:10", "police-110:0:9", "hotline-12345:0:13");

        assertThat(ids.stream().sorted(DocumentIdOrder.INSTANCE).collect(Collectors.toList()))
                .containsExactly("hotline-12345:0:13", "police-110:0:9", "police-110:0:10");
    }

    @Test
    void ordersTextSegmentsAlphabeticallyAndPrefixesFirst() {
        List<String> ids =
                List.of(
                        "110-J1:ESCALATED:TOWN",
                        "110-J1:BREACH",
                        "110-J1",
                        "110-J1:ESCALATED:CITY");

        assertThat(ids.stream().sorted(DocumentIdOrder.INSTANCE).collect(Collectors.toList()))
                .containsExactly(
                        "110-J1",
                        "110-J1:BREACH",
                        "110-J1:ESCALATED:CITY",
                        "110-J1:ESCALATED:TOWN");
    }

    @Test
    void treatsLeadingZerosAsText() {
        assertThat(DocumentIdOrder.INSTANCE.compare("a:007", "a:7")).isLessThan(0);
    }

    /** Against the plain reading of the order, on ids built from segments that tie in every way. */
    @Test
    void agreesWithASegmentBySegmentComparisonOfSplitIds() {
        List<String> segments = List.of("", "0", "7", "007", "10", "9", "a", "ab", "b", "٣", "J1");
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            String left = randomId(segments, random);
            String right = randomId(segments, random);
            assertThat(Integer.signum(DocumentIdOrder.INSTANCE.compare(left, right)))
                    .as("%s vs %s", left, right)
                    .isEqualTo(Integer.signum(bySplitSegments(left, right)));
        }
    }

    private static String randomId(List<String> segments, Random random) {
        StringBuilder id = new StringBuilder(segments.get(random.nextInt(segments.size())));
        for (int i = random.nextInt(4); i > 0; i--) {
            id.append(':').append(segments.get(random.nextInt(segments.size())));
        }
        return id.toString();
    }

    /** Digits, no leading zero. */
    private static final String NUMBER = "(?!0\\p{Nd})\\p{Nd}+";

    private static int bySplitSegments(String left, String right) {
        String[] a = left.split(":", -1);
        String[] b = right.split(":", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            boolean numbers = a[i].matches(NUMBER) && b[i].matches(NUMBER);
            int bySegment =
                    numbers && a[i].length() != b[i].length()
                            ? Integer.compare(a[i].length(), b[i].length())
                            : a[i].compareTo(b[i]);
            if (bySegment != 0) {
                return bySegment;
            }
        }
        return Integer.compare(a.length, b.length);
    }
}
