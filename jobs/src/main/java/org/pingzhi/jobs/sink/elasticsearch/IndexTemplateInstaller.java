package org.pingzhi.jobs.sink.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.DocumentKind;

/**
 * Installs the index templates of {@code dashboards/elasticsearch/} (packed on the classpath under
 * {@value #RESOURCE_FOLDER}/), one per {@link DocumentKind}, named and matching the indices of the
 * configured prefix. A PUT of the same template replaces it, so running this at every job start is
 * safe; indices that already exist keep their mappings, new ones (the next day's metrics index) get
 * the current template.
 */
public final class IndexTemplateInstaller {

    static final String RESOURCE_FOLDER = "elasticsearch-templates";

    private IndexTemplateInstaller() {}

    /**
     * Puts one template per document kind; returns their names ({@code <prefix><kind>}, e.g. {@code
     * pingzhi-incidents}).
     */
    public static List<String> installAll(ElasticsearchClient client, String indexPrefix)
            throws IOException {
        List<String> installed = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            String body = withoutIndexPatterns(templateJson(kind));
            String name = indexPrefix + kind.baseName();
            client.indices()
                    .putIndexTemplate(
                            request ->
                                    request.withJson(new StringReader(body))
                                            .name(name)
                                            .indexPatterns(IndexNames.pattern(indexPrefix, kind)));
            installed.add(name);
        }
        return installed;
    }

    /**
     * The request builder adds index patterns to those of the JSON, so the shipped ones (for the
     * default prefix) must go first.
     */
    private static String withoutIndexPatterns(String template) throws IOException {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(template);
        json.remove("index_patterns");
        return json.toString();
    }

    /** The template file of {@code kind} as shipped (index patterns of the default prefix). */
    static String templateJson(DocumentKind kind) throws IOException {
        String resource = RESOURCE_FOLDER + "/pingzhi-" + kind.baseName() + ".json";
        try (InputStream in =
                IndexTemplateInstaller.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "no index template for " + kind + " on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
