package org.pingzhi.jobs.lifecycle;

import java.util.List;
import org.pingzhi.common.model.Source;

/** The contract's {@code sources} array: "110" before "12345". */
final class SourceCodes {

    private SourceCodes() {}

    static List<String> of(List<Source> sources) {
        return sources.stream().sorted().map(Source::code).toList();
    }
}
