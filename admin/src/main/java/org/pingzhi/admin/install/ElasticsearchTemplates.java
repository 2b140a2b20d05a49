package org.pingzhi.admin.install;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * Puts the index templates (and, for production, the ILM policy with its component template) into
 * Elasticsearch. A PUT replaces what is there, so a second run changes nothing; indices that exist
 * keep their mappings, new ones get the current template.
 */
public final class ElasticsearchTemplates {

    private static final String SERVER = "Elasticsearch";

    private final URI base;
    private final HttpCalls http;
    private final PrintStream out;

    /** {@code base}: the server's URL without a trailing slash, a path (a proxy's prefix) kept. */
    public ElasticsearchTemplates(URI base, Credentials credentials, PrintStream out) {
        this.base = base;
        this.http = new HttpCalls(credentials);
        this.out = out;
    }

    /** The retention of the daily metrics indices; needs a cluster with ILM. */
    public void installIlm() throws InstallException {
        put("_ilm/policy/" + BundledFiles.ILM_POLICY, ilmFile(BundledFiles.ILM_POLICY));
        out.println("elasticsearch: ILM policy " + BundledFiles.ILM_POLICY + " installed");
        put(
                "_component_template/" + BundledFiles.ILM_COMPONENT_TEMPLATE,
                ilmFile(BundledFiles.ILM_COMPONENT_TEMPLATE));
        out.println(
                "elasticsearch: component template "
                        + BundledFiles.ILM_COMPONENT_TEMPLATE
                        + " installed");
    }

    public void installIndexTemplates() throws InstallException {
        for (String name : BundledFiles.INDEX_TEMPLATES) {
            String body;
            try {
                body = BundledFiles.indexTemplate(name);
            } catch (IOException e) {
                throw new InstallException("cannot read the index template " + name, e);
            }
            put("_index_template/" + name, body);
            out.println("elasticsearch: index template " + name + " installed");
        }
    }

    private static String ilmFile(String name) throws InstallException {
        try {
            return BundledFiles.ilm(name);
        } catch (IOException e) {
            throw new InstallException("cannot read the ILM file " + name, e);
        }
    }

    private void put(String path, String body) throws InstallException {
        HttpRequest request =
                http.request(URI.create(base + "/" + path))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build();
        http.send(SERVER, request);
    }
}
