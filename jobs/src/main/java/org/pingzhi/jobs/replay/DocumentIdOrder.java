package org.pingzhi.jobs.replay;

import java.util.Comparator;

/**
 * Orders document ids as a person reads them: segment by segment (split on {@code :}), numbers by
 * value, so {@code police-110:0:9} comes before {@code police-110:0:10}.
 */
enum DocumentIdOrder implements Comparator<String> {
    INSTANCE;

    @Override
    public int compare(String left, String right) {
        String[] a = left.split(":", -1);
        String[] b = right.split(":", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int bySegment = compareSegments(a[i], b[i]);
            if (bySegment != 0) {
                return bySegment;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static int compareSegments(String a, String b) {
        if (isNumber(a) && isNumber(b)) {
            int byLength = Integer.compare(a.length(), b.length());
            return byLength != 0 ? byLength : a.compareTo(b);
        }
        return a.compareTo(b);
    }

    private static boolean isNumber(String segment) {
        if (segment.isEmpty() || segment.length() > 1 && segment.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
