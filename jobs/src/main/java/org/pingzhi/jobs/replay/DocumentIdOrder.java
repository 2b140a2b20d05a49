package org.pingzhi.jobs.replay;

import java.util.Comparator;

/**
 * Orders document ids as a person reads them: segment by segment (split on {@code :}), numbers by
 * value, so {@code police-110:0:9} comes before {@code police-110:0:10}.
 */
enum DocumentIdOrder implements Comparator<String> {
    INSTANCE;

    // Compares in place: sorting a replay's ids splits no strings.
    @Override
    public int compare(String left, String right) {
        int a = 0;
        int b = 0;
        while (true) {
            int endA = segmentEnd(left, a);
            int endB = segmentEnd(right, b);
            int bySegment = compareSegments(left, a, endA, right, b, endB);
            if (bySegment != 0) {
                return bySegment;
            }
            boolean lastA = endA == left.length();
            boolean lastB = endB == right.length();
            if (lastA || lastB) {
                // the id with fewer segments first
                return Boolean.compare(!lastA, !lastB);
            }
            a = endA + 1;
            b = endB + 1;
        }
    }

    private static int segmentEnd(String id, int from) {
        int end = id.indexOf(':', from);
        return end < 0 ? id.length() : end;
    }

    private static int compareSegments(
            String a, int fromA, int endA, String b, int fromB, int endB) {
        if (isNumber(a, fromA, endA) && isNumber(b, fromB, endB)) {
            int byLength = Integer.compare(endA - fromA, endB - fromB);
            if (byLength != 0) {
                return byLength;
            }
        }
        int length = Math.min(endA - fromA, endB - fromB);
        for (int i = 0; i < length; i++) {
            int byChar = Character.compare(a.charAt(fromA + i), b.charAt(fromB + i));
            if (byChar != 0) {
                return byChar;
            }
        }
        return Integer.compare(endA - fromA, endB - fromB);
    }

    private static boolean isNumber(String id, int from, int end) {
        if (from == end || end - from > 1 && id.charAt(from) == '0') {
            return false;
        }
        for (int i = from; i < end; i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
