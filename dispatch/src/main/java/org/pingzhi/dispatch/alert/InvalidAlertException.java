package org.pingzhi.dispatch.alert;

/** An alert document that is not what the contract describes; the message names the field. */
public final class InvalidAlertException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidAlertException(String message) {
        super("alert document: " + message);
    }
}
