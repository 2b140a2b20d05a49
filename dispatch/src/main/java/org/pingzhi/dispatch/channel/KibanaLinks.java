package org.pingzhi.dispatch.channel;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Links into Kibana's Discover filtered to alerts (a KQL query in the app state, written in Rison,
 * which Discover runs against its default data view, {@code pingzhi-alerts*} in the shipped
 * dashboards).
 */
public final class KibanaLinks {

    private final String base;

    /**
     * @param base Kibana's address, e.g. {@code https://kibana.pinghu.example}
     */
    public KibanaLinks(URI base) {
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    public URI alert(String alertId) {
        return alerts(List.of(alertId));
    }

    /** Discover showing exactly these alerts. */
    public URI alerts(Collection<String> alertIds) {
        return discover(
                alertIds.stream()
                        .map(id -> "alertId:" + kqlString(id))
                        .collect(Collectors.joining(" or ")));
    }

    /** Discover showing the alerts fired from {@code from} to {@code to}, both included. */
    public URI firedBetween(Instant from, Instant to) {
        return discover(
                "firedAt >= "
                        + kqlString(from.toString())
                        + " and firedAt <= "
                        + kqlString(to.toString()));
    }

    private URI discover(String kql) {
        String appState = "(query:(language:kuery,query:'" + rison(kql) + "'))";
        return URI.create(
                base
                        + "/app/discover#/?_a="
                        + URLEncoder.encode(appState, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static String kqlString(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Rison's string escapes: {@code !} and {@code '} are written {@code !!} and {@code !'}. */
    private static String rison(String text) {
        return text.replace("!", "!!").replace("'", "!'");
    }
}
