package org.pingzhi.admin.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The files of {@code dashboards/} as the admin jar packs them: the index templates (and the
 * production ILM files) under {@value #TEMPLATES}/, the Kibana bundle under {@value #KIBANA}/.
 */
public final class BundledFiles {

    static final String TEMPLATES = "elasticsearch-templates";
    static final String KIBANA = "kibana";

    /** Every index template, by its name ({@code dashboards/elasticsearch/<name>.json}). */
    public static final List<String> INDEX_TEMPLATES =
            List.of(
                    "pingzhi-incidents",
                    "pingzhi-sla-events",
                    "pingzhi-alerts",
                    "pingzhi-metrics",
                    "pingzhi-deadletter",
                    "pingzhi-rules",
                    "pingzhi-notifications",
                    "pingzhi-acks");

    /** The ILM policy of the daily metrics indices and the component template attaching it. */
    public static final String ILM_POLICY = "pingzhi-metrics";

    public static final String ILM_COMPONENT_TEMPLATE = "pingzhi-metrics@custom";

    private BundledFiles() {}

    static String indexTemplate(String name) throws IOException {
        return read(TEMPLATES + "/" + name + ".json");
    }

    static String ilm(String name) throws IOException {
        return read(TEMPLATES + "/ilm/" + name + ".json");
    }

    public static String kibanaBundle(String fileName) throws IOException {
        return read(KIBANA + "/" + fileName);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = BundledFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("not on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
