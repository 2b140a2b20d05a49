package org.pingzhi.jobs.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import co.elastic.clients.elasticsearch.indices.get_index_template.IndexTemplateItem;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.jobs.testing.ElasticsearchExtension;

/** The templates against the real server: installable again and again, applied to new indices. */
@ExtendWith(ElasticsearchExtension.class)
class IndexTemplateInstallerTest {

    private static final String PREFIX = "essink-tpl-";

    private final ElasticsearchClient client = ElasticsearchExtension.client();

    @BeforeEach
    void noIndices() {
        ElasticsearchExtension.deleteIndices(PREFIX + "*");
    }

    @Test
    void templates_install_twice_one_per_kind_for_the_prefix() throws IOException {
        IndexTemplateInstaller.installAll(client, PREFIX);
        List<String> names = IndexTemplateInstaller.installAll(client, PREFIX);

        assertThat(names)
                .containsExactly(
                        PREFIX + "incidents",
                        PREFIX + "sla-events",
                        PREFIX + "alerts",
                        PREFIX + "metrics",
                        PREFIX + "deadletter",
                        PREFIX + "rules");
        List<IndexTemplateItem> installed =
                client.indices().getIndexTemplate(get -> get.name(PREFIX + "*")).indexTemplates();
        assertThat(installed)
                .extracting(item -> item.indexTemplate().indexPatterns())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(DocumentKind.values())
                                .map(kind -> List.of(IndexNames.pattern(PREFIX, kind)))
                                .toList());
    }

    @Test
    void new_indices_get_the_mappings_and_settings_of_their_template() throws IOException {
        IndexTemplateInstaller.installAll(client, PREFIX);
        String incidents = PREFIX + "incidents";
        String metrics = PREFIX + "metrics-2026.11.28";
        client.indices().create(create -> create.index(incidents));
        client.indices().create(create -> create.index(metrics));

        Map<String, Property> incident = properties(incidents);
        assertThat(incident.get("location").isGeoPoint()).isTrue();
        assertThat(incident.get("reportedAt").isDate()).isTrue();
        assertThat(incident.get("incidentId").isKeyword()).isTrue();
        assertThat(incident.get("sources").isKeyword()).isTrue();
        assertThat(incident.get("slaTargetSeconds").isLong()).isTrue();
        assertThat(incident.get("responseSeconds").isDouble()).isTrue();
        assertThat(incident.get("summary").isText()).isTrue();
        assertThat(incident.get("summary").text().fields().get("keyword").isKeyword()).isTrue();
        Map<String, Property> metric = properties(metrics);
        assertThat(metric.get("ts").isDate()).isTrue();
        assertThat(metric.get("townCode").isKeyword()).isTrue();
        assertThat(metric.get("responseSecondsMax").isDouble()).isTrue();

        IndexSettings settings =
                client.indices().getSettings(get -> get.index(incidents)).get(incidents).settings();
        assertThat(settings.index().numberOfReplicas()).isEqualTo("0");
        assertThat(settings.index().numberOfShards()).isEqualTo("1");
        assertThat(settings.index().refreshInterval().time()).isEqualTo("1s");
    }

    private Map<String, Property> properties(String index) throws IOException {
        return client.indices()
                .getMapping(get -> get.index(index))
                .get(index)
                .mappings()
                .properties();
    }
}
