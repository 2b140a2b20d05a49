package org.pingzhi.admin.kibana;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the generator commits under {@code dashboards/kibana/}: the NDJSON bundle and one picture
 * per dashboard drawn from that NDJSON. {@code main(dashboards/kibana)} rewrites them after a
 * change of the definitions.
 */
public final class DashboardFiles {

    private DashboardFiles() {}

    /** File name to content, the bundle first. */
    public static Map<String, String> generated() {
        String ndjson = SavedObjectBundle.ndjson();
        Map<String, String> files = new LinkedHashMap<>();
        files.put(SavedObjectBundle.FILE_NAME, ndjson);
        DashboardPicture.svgs(ndjson).forEach((id, svg) -> files.put(id + ".svg", svg));
        return files;
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "dashboards/kibana");
        Files.createDirectories(folder);
        for (Map.Entry<String, String> file : generated().entrySet()) {
            Files.writeString(
                    folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }
}
