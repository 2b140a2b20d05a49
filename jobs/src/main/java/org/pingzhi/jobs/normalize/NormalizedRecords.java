package org.pingzhi.jobs.normalize;

import java.io.Serializable;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.types.Either;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.RawRecord;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.normalize.NormalizeResult;
import org.pingzhi.common.normalize.Normalizer;

/**
 * What a source emits: each raw record of one source normalized where it is read, as the accepted
 * event (left) or its dead letter (right). Normalizing in the source lets the source take event
 * time from the event, per Kafka partition.
 */
public final class NormalizedRecords implements Serializable {

    /** Flink's own serializers for both sides, no Kryo. */
    public static final TypeInformation<Either<UnifiedEvent, DeadLetter>> TYPE =
            new EitherTypeInfo<>(
                    TypeInformation.of(UnifiedEvent.class), TypeInformation.of(DeadLetter.class));

    private static final long serialVersionUID = 1L;

    private final Source source;
    private final Normalizer normalizer;

    public NormalizedRecords(Source source, Normalizer normalizer) {
        this.source = source;
        this.normalizer = normalizer;
    }

    public Source source() {
        return source;
    }

    public Either<UnifiedEvent, DeadLetter> normalize(RawRecord raw) {
        NormalizeResult result = normalizer.normalize(source, raw);
        if (result instanceof NormalizeResult.Accepted accepted) {
            return Either.Left(accepted.event());
        }
        return Either.Right(((NormalizeResult.Rejected) result).deadLetter());
    }
}
