package org.pingzhi.jobs.lifecycle;

import org.pingzhi.jobs.sla.SlaFact;

/**
 * What the lifecycle operator has told the world about one incident (keyed state, a Flink POJO):
 * the SLA facts whose events stand (emitted and not withdrawn), the event time of each fact's last
 * event, a fingerprint of the last document under each id (to emit only on change, computed over
 * the typed document, never its JSON), the one event-time timer registered for it, and the latest
 * time its SLA was judged at.
 */
public class EmittedOutputs {

    /** {@link #getTimer()} when no timer is registered. */
    public static final long NO_TIMER = Long.MIN_VALUE;

    private int standingFacts;
    private long[] factAt = new long[SlaFact.values().length];
    private long[] fingerprints = new long[OutputSlot.values().length];
    private long timer = NO_TIMER;
    private long context;
    private long sweptAttempt;
    private long judgedAt = Long.MIN_VALUE;

    public EmittedOutputs() {}

    /**
     * The time to judge the incident's SLA at now that time has reached {@code now}: never earlier
     * than it was judged at before. After a restore the watermark starts over; judged at it, steps
     * that passing time had made hold would be withdrawn by records that do not prove them wrong.
     */
    long judgeAt(long now) {
        judgedAt = Math.max(judgedAt, now);
        return judgedAt;
    }

    /** Whether a document was ever written to the slot (in the attempts this state knows of). */
    boolean everWritten(OutputSlot slot) {
        return fingerprints[slot.ordinal()] != 0;
    }

    /**
     * Marks the incident as checked for a failed attempt's leftovers in the recovered attempt
     * {@code attempt}; false when it already was.
     */
    boolean markSwept(long attempt) {
        if (sweptAttempt == attempt) {
            return false;
        }
        sweptAttempt = attempt;
        return true;
    }

    /** Records the fingerprint of what SLA documents say about the incident; whether it changed. */
    boolean updateContext(long fingerprint) {
        boolean changed = context != fingerprint;
        context = fingerprint;
        return changed;
    }

    boolean isStanding(SlaFact fact) {
        return (standingFacts & bit(fact)) != 0;
    }

    void stand(SlaFact fact, long at) {
        standingFacts |= bit(fact);
        factAt[fact.ordinal()] = at;
    }

    void withdraw(SlaFact fact) {
        standingFacts &= ~bit(fact);
    }

    /** The event time of the fact's last emitted event (meaningful once it stood). */
    long lastAt(SlaFact fact) {
        return factAt[fact.ordinal()];
    }

    /**
     * Records the fingerprint of the slot's document (see {@code fingerprint()} of the documents in
     * {@code org.pingzhi.common.output}); whether it differs from the last one.
     */
    boolean replace(OutputSlot slot, long fingerprint) {
        if (fingerprints[slot.ordinal()] == fingerprint) {
            return false;
        }
        fingerprints[slot.ordinal()] = fingerprint;
        return true;
    }

    private static int bit(SlaFact fact) {
        return 1 << fact.ordinal();
    }

    // Accessors for Flink's POJO serializer.

    public int getStandingFacts() {
        return standingFacts;
    }

    public void setStandingFacts(int standingFacts) {
        this.standingFacts = standingFacts;
    }

    public long[] getFactAt() {
        return factAt;
    }

    public void setFactAt(long[] factAt) {
        this.factAt = factAt;
    }

    public long[] getFingerprints() {
        return fingerprints;
    }

    public void setFingerprints(long[] fingerprints) {
        this.fingerprints = fingerprints;
    }

    public long getSweptAttempt() {
        return sweptAttempt;
    }

    public void setSweptAttempt(long sweptAttempt) {
        this.sweptAttempt = sweptAttempt;
    }

    public long getJudgedAt() {
        return judgedAt;
    }

    public void setJudgedAt(long judgedAt) {
        this.judgedAt = judgedAt;
    }

    public long getTimer() {
        return timer;
    }

    public void setTimer(long timer) {
        this.timer = timer;
    }

    public long getContext() {
        return context;
    }

    public void setContext(long context) {
        this.context = context;
    }
}
