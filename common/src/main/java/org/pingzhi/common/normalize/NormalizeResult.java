package org.pingzhi.common.normalize;

import java.util.Objects;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.UnifiedEvent;

/** What {@link Normalizer} makes of one raw record: a unified event or a dead letter. */
public sealed interface NormalizeResult permits NormalizeResult.Accepted, NormalizeResult.Rejected {

    /** The record met its contract. */
    record Accepted(UnifiedEvent event) implements NormalizeResult {
        public Accepted {
            Objects.requireNonNull(event, "event");
        }
    }

    /** The record did not meet its contract; the dead letter says why and keeps it. */
    record Rejected(DeadLetter deadLetter) implements NormalizeResult {
        public Rejected {
            Objects.requireNonNull(deadLetter, "deadLetter");
        }
    }
}
