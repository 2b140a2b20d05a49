package org.pingzhi.jobs.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.pingzhi.common.model.Source;

/** A set of sources in state as one int, a bit per {@link Source} ordinal. */
final class SourceMask {

    private SourceMask() {}

    static int of(Source source) {
        return 1 << source.ordinal();
    }

    static int of(List<Source> sources) {
        int mask = 0;
        for (Source source : sources) {
            mask |= of(source);
        }
        return mask;
    }

    /** The sources in the mask, in {@link Source} order (110 before 12345). */
    static List<Source> sources(int mask) {
        List<Source> sources = new ArrayList<>(Source.values().length);
        for (Source source : Source.values()) {
            if ((mask & of(source)) != 0) {
                sources.add(source);
            }
        }
        return sources;
    }
}
