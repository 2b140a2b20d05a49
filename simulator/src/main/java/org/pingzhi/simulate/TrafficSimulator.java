package org.pingzhi.simulate;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Realistic Pinghu traffic on both upstream platforms, in emission order (non-decreasing {@link
 * SimulatedRecord#emitAtMillis()}), generated lazily: only the records of incidents still in
 * progress are held, never the whole stream. Each iteration starts afresh and yields the same
 * records for the same settings.
 */
public final class TrafficSimulator implements Iterable<SimulatedRecord> {

    private final SimulationSettings settings;
    private final Vocabulary vocabulary;

    /** Reads the towns from the classpath ({@code /contracts/towns.tsv}) and the word lists. */
    public TrafficSimulator(SimulationSettings settings) {
        this.settings = settings;
        this.vocabulary = Vocabulary.load();
    }

    public SimulationSettings settings() {
        return settings;
    }

    @Override
    public Iterator<SimulatedRecord> iterator() {
        return new Emission(settings, vocabulary);
    }

    /** The records as a sequential, ordered stream (infinite when the settings set no bound). */
    public Stream<SimulatedRecord> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(
                        iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /**
     * One pass over the traffic. Incidents are planned in report order; their records wait in a
     * queue by emission time until no incident still to come can emit earlier (every record of a
     * later incident is emitted at or after that incident's report).
     */
    private static final class Emission implements Iterator<SimulatedRecord> {

        /** A record waiting for its emission; ties in time keep the order they were planned in. */
        private record Pending(SimulatedRecord record, long emitAt, long order)
                implements Comparable<Pending> {

            @Override
            public int compareTo(Pending other) {
                int byTime = Long.compare(emitAt, other.emitAt);
                return byTime != 0 ? byTime : Long.compare(order, other.order);
            }
        }

        private final long endMillis;
        private final long recordLimit;
        private final ArrivalProcess arrivals;
        private final Dice incidentSeeds;
        private final IncidentPlanner planner;
        private final Queue<Pending> pending = new PriorityQueue<>();
        private long nextReportAt;
        private long enqueued;
        private long emitted;

        Emission(SimulationSettings settings, Vocabulary vocabulary) {
            Dice seeds = new Dice(settings.seed());
            this.endMillis = settings.endMillis();
            this.recordLimit = settings.recordLimit();
            this.arrivals =
                    new ArrivalProcess(
                            settings.start().toEpochMilli(),
                            settings.incidentsPerDay(),
                            new Dice(seeds.nextSeed()));
            this.incidentSeeds = new Dice(seeds.nextSeed());
            this.planner =
                    new IncidentPlanner(
                            vocabulary, new People(seeds.nextSeed()), new IdSequencer());
            this.nextReportAt = arrivals.next();
        }

        @Override
        public boolean hasNext() {
            if (emitted >= recordLimit) {
                return false;
            }
            while (nextReportAt < endMillis
                    && (pending.isEmpty() || pending.peek().emitAt() > nextReportAt)) {
                planIncident(nextReportAt);
                nextReportAt = arrivals.next();
            }
            return !pending.isEmpty();
        }

        @Override
        public SimulatedRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            emitted++;
            return pending.poll().record();
        }

        private void planIncident(long reportAt) {
            Dice dice = new Dice(incidentSeeds.nextSeed());
            for (PlannedRecord planned : planner.plan(reportAt, dice)) {
                if (planned.eventTimeMillis() < endMillis) {
                    Delivery.deliver(
                            planned,
                            dice,
                            record ->
                                    pending.add(
                                            new Pending(
                                                    record, record.emitAtMillis(), enqueued++)));
                }
            }
        }
    }
}
