package org.pingzhi.common.normalize;

import org.pingzhi.common.model.ReasonCode;

/**
 * Why a record cannot be normalized: the contract's reason code and a message for a person that
 * names the field but never echoes its value (which may be personal data). Thrown by the checks,
 * caught by {@link Normalizer} and turned into a dead letter; it carries no stack trace, it is not
 * an error of the program.
 */
final class RecordRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ReasonCode reason;

    RecordRejectedException(ReasonCode reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    static RecordRejectedException invalidField(String field, String problem) {
        return new RecordRejectedException(
                ReasonCode.INVALID_FIELD, "field '" + field + "' " + problem);
    }

    static RecordRejectedException badTimestamp(String field, String problem) {
        return new RecordRejectedException(
                ReasonCode.BAD_TIMESTAMP, "field '" + field + "' " + problem);
    }

    static RecordRejectedException unknownTown(String field, String expected) {
        return new RecordRejectedException(
                ReasonCode.UNKNOWN_TOWN, "field '" + field + "' is not exactly " + expected);
    }

    ReasonCode reason() {
        return reason;
    }
}
