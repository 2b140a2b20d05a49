package org.pingzhi.dispatch.job;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.dispatch.roster.DutyRoster;
import org.pingzhi.dispatch.roster.RosterFile;

/**
 * A duty roster's text with where it came from: the start file, or a roster published to the roster
 * control topic. What the dispatch function keeps in its broadcast state, so the text (with the
 * robots' webhooks and secrets) is in the job's checkpoints.
 *
 * @param version the first 12 hexadecimal digits of the SHA-256 of the text: the same file is the
 *     same version wherever it is read
 * @param origin the start file's path, or the control record's {@code topic:partition:offset}
 * @param inForceFrom when the version came into force (the control record's timestamp, epoch
 *     milliseconds); 0 for the start file
 */
public record RosterVersion(String version, String json, String origin, long inForceFrom)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The start file's text, read at {@code path}. */
    static RosterVersion startFile(String json, String path) {
        return new RosterVersion(versionOf(json), json, path, 0);
    }

    /**
     * A roster published to the control topic at {@code origin} ({@code topic:partition:offset}).
     */
    static RosterVersion published(String json, String origin, long publishedAt) {
        return new RosterVersion(versionOf(json), json, origin, publishedAt);
    }

    /** The version of a roster's text. */
    public static String versionOf(String json) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * The roster, validated.
     *
     * @throws org.pingzhi.dispatch.roster.InvalidRosterException listing every problem
     */
    DutyRoster parse() {
        return RosterFile.parse(origin, json, TownDirectory.standard());
    }

    /** Never the text: it holds the robots' webhooks and secrets, and this may reach a log. */
    @Override
    public String toString() {
        return "roster " + version + " (" + origin + ")";
    }
}
