package org.pingzhi.common.model;

/** Why a record was rejected, in the order the contract checks them. */
public enum ReasonCode {
    TOO_LARGE,
    INVALID_JSON,
    MISSING_FIELD,
    INVALID_FIELD,
    BAD_TIMESTAMP,
    UNKNOWN_TOWN
}
