package org.pingzhi.jobs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.jobs.sla.EscalationLevel;
import org.pingzhi.jobs.sla.SlaEvaluator;
import org.pingzhi.jobs.sla.SlaFact;
import org.pingzhi.jobs.sla.SlaOutcome;

/**
 * The contract's central promise: an incident's final state depends only on the set of its records.
 * Checked on 300 random incidents against {@link ReferenceFold}, for the pure fold over every
 * arrival order (random orders for large incidents), and for the operator over shuffled streams
 * with watermarks racing ahead of late records.
 */
class IncidentArrivalOrderPropertyTest {

    private static final long SEED = 20261128L;
    private static final int INCIDENTS = 300;
    private static final int ALL_ORDERS_UP_TO = 6;
    private static final int RANDOM_ORDERS = 300;
    private static final long TARGET = 600_000;

    private static List<List<UnifiedEvent>> incidents(Random random) {
        RandomIncidents generator = new RandomIncidents(random);
        List<List<UnifiedEvent>> incidents = new ArrayList<>();
        for (int n = 0; n < INCIDENTS; n++) {
            incidents.add(generator.incident(n));
        }
        return incidents;
    }

    @Test
    void everyArrivalOrderFoldsToTheReferenceState() {
        Random random = new Random(SEED);
        int orders = 0;
        for (List<UnifiedEvent> records : incidents(random)) {
            String incidentId = records.get(0).incidentId();
            IncidentState expected = ReferenceFold.fold(incidentId, records);
            for (List<UnifiedEvent> order : orders(records, random)) {
                assertThat(IncidentFold.fold(incidentId, order))
                        .as("%s in order %s", incidentId, order)
                        .isEqualTo(expected);
                orders++;
            }
        }
        assertThat(orders).isGreaterThan(INCIDENTS * 20);
    }

    /**
     * The operator's way: each arriving record applied on top of the folded incident when it comes
     * after every applied record, the incident folded anew otherwise; a duplicate preferred over
     * the kept one replaces it and folds anew.
     */
    @Test
    void everyArrivalOrderAppliedIncrementallyFoldsToTheReferenceState() {
        Random random = new Random(SEED);
        int applied = 0;
        int refolded = 0;
        for (List<UnifiedEvent> records : incidents(random)) {
            String incidentId = records.get(0).incidentId();
            IncidentState expected = ReferenceFold.fold(incidentId, records);
            for (List<UnifiedEvent> order : orders(records, random)) {
                Map<String, UnifiedEvent> kept = new HashMap<>();
                FoldedIncident folded = null;
                for (UnifiedEvent record : order) {
                    UnifiedEvent existing = kept.get(record.duplicateKey());
                    if (existing != null && EventOrder.preferred(existing, record) == existing) {
                        continue;
                    }
                    kept.put(record.duplicateKey(), record);
                    if (existing == null && folded != null && folded.appliesAfter(record)) {
                        applied++;
                    } else if (folded != null) {
                        refolded++;
                    }
                    folded =
                            existing == null
                                    ? IncidentFold.withRecord(
                                            incidentId, folded, record, kept.values())
                                    : IncidentFold.folded(incidentId, kept.values());
                    assertThat(folded.distinctRecords()).isEqualTo(kept.size());
                }
                assertThat(folded.state(incidentId))
                        .as("%s in order %s", incidentId, order)
                        .isEqualTo(expected);
            }
        }
        assertThat(applied).as("records applied on top").isGreaterThan(1000);
        assertThat(refolded).as("records that made a refold").isGreaterThan(1000);
    }

    @Test
    void theGeneratedIncidentsCoverTheCasesThatMatter() {
        List<List<UnifiedEvent>> incidents = incidents(new Random(SEED));
        List<IncidentState> states =
                incidents.stream()
                        .map(records -> ReferenceFold.fold(records.get(0).incidentId(), records))
                        .toList();

        assertThat(states).anyMatch(state -> state.sources().size() == 2);
        assertThat(states).anyMatch(state -> state.cancelledAt() != null);
        assertThat(incidents)
                .anyMatch(
                        records ->
                                records.stream()
                                        .anyMatch(record -> record.rawStatus().equals("REOPEN")));
        assertThat(incidents)
                .anyMatch(records -> records.stream().noneMatch(UnifiedEvent::isReport));
        assertThat(incidents)
                .anyMatch(
                        records ->
                                records.size()
                                        > records.stream()
                                                .map(UnifiedEvent::duplicateKey)
                                                .distinct()
                                                .count());
        for (String status : List.of("MET", "BREACHED", "VOID", "PENDING")) {
            assertThat(states)
                    .as(status)
                    .anyMatch(
                            state ->
                                    ReferenceFold.sla(state, TARGET, horizon(incidents))
                                            .status()
                                            .equals(status));
        }
        assertThat(states)
                .anyMatch(
                        state ->
                                ReferenceFold.sla(state, TARGET, horizon(incidents))
                                        .escalationLevel()
                                        .equals("CITY"));
    }

    @Test
    void theOperatorEndsInTheReferenceStateWhateverTheArrivalOrderAndWatermarks() throws Exception {
        Random random = new Random(SEED + 1);
        List<List<UnifiedEvent>> incidents = incidents(random);
        long horizon = horizon(incidents);
        List<UnifiedEvent> stream = new ArrayList<>();
        incidents.forEach(stream::addAll);

        for (int round = 0; round < 8; round++) {
            Collections.shuffle(stream, random);
            LifecycleHarness harness = new LifecycleHarness(LifecycleSettings.replay(horizon));
            long maxSeen = Long.MIN_VALUE;
            long watermark = Long.MIN_VALUE;
            for (UnifiedEvent record : stream) {
                harness.send(record);
                maxSeen = Math.max(maxSeen, record.eventTime());
                long candidate = maxSeen - random.nextInt(20) * RandomIncidents.STEP;
                if (random.nextInt(8) == 0 && candidate > watermark) {
                    watermark = candidate;
                    harness.watermark(watermark);
                }
            }
            harness.watermark(Long.MAX_VALUE);

            Map<String, Document> latest = harness.latest();
            for (List<UnifiedEvent> records : incidents) {
                checkFinalOutputs(latest, records, horizon);
            }
            harness.close();
        }
    }

    /** The incident document, SLA events and alerts a sink would hold agree with the reference. */
    private static void checkFinalOutputs(
            Map<String, Document> latest, List<UnifiedEvent> records, long horizon) {
        String id = records.get(0).incidentId();
        IncidentState state = ReferenceFold.fold(id, records);
        SlaOutcome outcome = SlaEvaluator.evaluate(state.slaInput(), TARGET, horizon);
        ReferenceFold.Sla sla = ReferenceFold.sla(state, TARGET, horizon);

        JsonNode incident = LifecycleHarness.json(latest.get("INCIDENT/" + id));
        assertThat(latest.get("INCIDENT/" + id).json())
                .as(id)
                .isEqualTo(RenderedDocuments.incident(state, outcome).json());
        assertThat(incident.get("slaStatus").asText()).as(id).isEqualTo(sla.status());
        assertThat(incident.get("escalationLevel").asText())
                .as(id)
                .isEqualTo(sla.escalationLevel());
        assertThat(
                        incident.get("responseSeconds").isNull()
                                ? null
                                : incident.get("responseSeconds").asDouble())
                .as(id)
                .isEqualTo(sla.responseSeconds());

        for (SlaFact fact : SlaFact.values()) {
            Document event = latest.get("SLA_EVENT/" + fact.eventId(id));
            if (outcome.holds(fact)) {
                assertThat(event).as("%s %s", id, fact).isNotNull();
                JsonNode json = LifecycleHarness.json(event);
                assertThat(json.get("retracted").asBoolean()).as("%s %s", id, fact).isFalse();
                if (fact != SlaFact.WARNING) { // emitted once: a clock moved later does not move it
                    assertThat(json.get("at").asText())
                            .as("%s %s", id, fact)
                            .isEqualTo(Times.iso(outcome.factAt(fact)));
                }
            } else if (event != null && fact != SlaFact.WARNING) {
                assertThat(LifecycleHarness.json(event).get("retracted").asBoolean())
                        .as("%s %s", id, fact)
                        .isTrue();
            }
        }
        for (EscalationLevel level : List.of(EscalationLevel.TOWN, EscalationLevel.CITY)) {
            Document alert = latest.get("ALERT/" + OutputDocuments.alertId(id, level));
            boolean open =
                    outcome.holds(SlaFact.escalationTo(level)) && outcome.stoppedAt() == null;
            if (alert != null || outcome.holds(SlaFact.escalationTo(level))) {
                assertThat(LifecycleHarness.json(alert).get("status").asText())
                        .as("%s %s", id, level)
                        .isEqualTo(open ? "OPEN" : "RESOLVED");
            }
        }
    }

    private static long horizon(List<List<UnifiedEvent>> incidents) {
        return incidents.stream()
                .flatMap(List::stream)
                .mapToLong(UnifiedEvent::eventTime)
                .max()
                .orElseThrow();
    }

    /** Every order of small incidents; {@value #RANDOM_ORDERS} random orders of larger ones. */
    private static List<List<UnifiedEvent>> orders(List<UnifiedEvent> records, Random random) {
        List<List<UnifiedEvent>> orders = new ArrayList<>();
        if (records.size() <= ALL_ORDERS_UP_TO) {
            permute(new ArrayList<>(records), 0, orders);
        } else {
            for (int i = 0; i < RANDOM_ORDERS; i++) {
                List<UnifiedEvent> order = new ArrayList<>(records);
                Collections.shuffle(order, random);
                orders.add(order);
            }
        }
        return orders;
    }

    private static void permute(
            List<UnifiedEvent> records, int from, List<List<UnifiedEvent>> out) {
        if (from == records.size()) {
            out.add(List.copyOf(records));
            return;
        }
        for (int i = from; i < records.size(); i++) {
            Collections.swap(records, from, i);
            permute(records, from + 1, out);
            Collections.swap(records, from, i);
        }
    }
}
