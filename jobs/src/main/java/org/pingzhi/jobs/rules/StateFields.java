package org.pingzhi.jobs.rules;

import static org.pingzhi.jobs.typeutils.BinaryFields.readLongOrNull;
import static org.pingzhi.jobs.typeutils.BinaryFields.readString;
import static org.pingzhi.jobs.typeutils.BinaryFields.readStrings;
import static org.pingzhi.jobs.typeutils.BinaryFields.writeLongOrNull;
import static org.pingzhi.jobs.typeutils.BinaryFields.writeString;
import static org.pingzhi.jobs.typeutils.BinaryFields.writeStrings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.pingzhi.common.rules.RuleEpisode;

/** The binary form of what the rules' group state holds (see {@link HotspotEpisodesSerializer}). */
final class StateFields {

    private StateFields() {}

    static void writeIncidents(Collection<CountedIncident> incidents, DataOutputView out)
            throws IOException {
        out.writeInt(incidents.size());
        for (CountedIncident incident : incidents) {
            out.writeLong(incident.reportedAt());
            writeString(incident.incidentId(), out);
            writeString(incident.townCode(), out);
            writeString(incident.category(), out);
        }
    }

    static List<CountedIncident> readIncidents(DataInputView in) throws IOException {
        int size = in.readInt();
        List<CountedIncident> incidents = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            incidents.add(
                    new CountedIncident(
                            in.readLong(), readString(in), readString(in), readString(in)));
        }
        return incidents;
    }

    static void writeEpisode(RuleEpisode episode, DataOutputView out) throws IOException {
        writeStrings(episode.group(), out);
        out.writeLong(episode.start());
        out.writeLong(episode.firedAt());
        writeString(episode.townCode(), out);
        writeString(episode.category(), out);
        out.writeLong(episode.windowStart());
        writeLongOrNull(episode.windowEnd(), out);
        writeLongOrNull(episode.count(), out);
        writeStrings(episode.incidentIds(), out);
        writeLongOrNull(episode.resolvedAt(), out);
    }

    static RuleEpisode readEpisode(DataInputView in) throws IOException {
        return new RuleEpisode(
                readStrings(in),
                in.readLong(),
                in.readLong(),
                readString(in),
                readString(in),
                in.readLong(),
                readLongOrNull(in),
                readLongOrNull(in),
                readStrings(in),
                readLongOrNull(in));
    }

    static void writeEpisodeOrNull(RuleEpisode episode, DataOutputView out) throws IOException {
        out.writeBoolean(episode != null);
        if (episode != null) {
            writeEpisode(episode, out);
        }
    }

    static RuleEpisode readEpisodeOrNull(DataInputView in) throws IOException {
        return in.readBoolean() ? readEpisode(in) : null;
    }

    /** A count per instant (or per window start), in order. */
    static void writeCounts(SortedMap<Long, Integer> counts, DataOutputView out)
            throws IOException {
        out.writeInt(counts.size());
        for (Map.Entry<Long, Integer> count : counts.entrySet()) {
            out.writeLong(count.getKey());
            out.writeInt(count.getValue());
        }
    }

    static void readCounts(Map<Long, Integer> into, DataInputView in) throws IOException {
        for (int n = in.readInt(); n > 0; n--) {
            into.put(in.readLong(), in.readInt());
        }
    }
}
