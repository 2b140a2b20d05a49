package org.pingzhi.admin.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code dashboards/kibana/} files are exactly what the generator makes. After
 * changing the definitions, rewrite them with {@code -Dpingzhi.dashboards.write=true} on this test.
 */
class DashboardFilesTest {

    @Test
    void committed_bundle_and_pictures_are_what_the_generator_makes() throws IOException {
        if (Boolean.getBoolean("pingzhi.dashboards.write")) {
            DashboardFiles.main(new String[] {Bundle.FOLDER.toString()});
        }
        Map<String, String> generated = DashboardFiles.generated();

        try (Stream<Path> files = Files.list(Bundle.FOLDER)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(generated.keySet());
        }
        generated.forEach(
                (name, content) -> {
                    try {
                        assertThat(
                                        Files.readString(
                                                Bundle.FOLDER.resolve(name),
                                                StandardCharsets.UTF_8))
                                .as(
                                        "%s is out of date: run this test with"
                                                + " -Dpingzhi.dashboards.write=true",
                                        name)
                                .isEqualTo(content);
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Test
    void each_dashboard_has_a_picture_with_every_panel_title() {
        Map<String, String> pictures = DashboardPicture.svgs(SavedObjectBundle.ndjson());

        assertThat(pictures)
                .containsOnlyKeys(
                        "pingzhi-overview",
                        "pingzhi-sla",
                        "pingzhi-alerts-escalations",
                        "pingzhi-town");
        assertThat(pictures.get("pingzhi-overview"))
                .startsWith("<svg")
                .contains("指挥中心总览", "当前未结事件", "未结事件地图（按镇街）", "事件类别 Top 10");
        assertThat(pictures.get("pingzhi-town")).contains("镇街详情", "镇街选择控件");
    }
}
