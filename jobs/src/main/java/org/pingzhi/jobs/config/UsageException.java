package org.pingzhi.jobs.config;

/** A command line that cannot be run; the message says what is wrong (empty: just show usage). */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
