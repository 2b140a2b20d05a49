package org.pingzhi.admin;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import org.pingzhi.admin.install.BundledFiles;
import org.pingzhi.admin.install.ElasticsearchTemplates;
import org.pingzhi.admin.install.InstallException;
import org.pingzhi.admin.install.KibanaImport;
import org.pingzhi.admin.kibana.SavedObjectBundle;

/**
 * {@code pingzhi dashboards}: installs the index templates into Elasticsearch (when given) and the
 * Kibana saved objects, both idempotently, printing each step's result.
 */
public final class DashboardsCommand {

    private DashboardsCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the install; returns the exit code (0 done, 1 failed, 2 bad command line). */
    static int run(
            String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        DashboardsArguments arguments;
        try {
            arguments = DashboardsArguments.parse(environment, args);
        } catch (DashboardsArguments.UsageException e) {
            if (!e.getMessage().isEmpty()) {
                err.println("pingzhi dashboards: " + e.getMessage());
            }
            err.println(DashboardsArguments.USAGE);
            return 2;
        }
        try {
            if (arguments.elasticsearch().isPresent()) {
                ElasticsearchTemplates templates =
                        new ElasticsearchTemplates(
                                arguments.elasticsearch().get(), arguments.credentials(), out);
                if (arguments.ilm()) {
                    templates.installIlm();
                }
                templates.installIndexTemplates();
            }
            new KibanaImport(arguments.kibana(), arguments.credentials(), out)
                    .importBundle(SavedObjectBundle.FILE_NAME, bundle());
            return 0;
        } catch (InstallException e) {
            err.println("pingzhi dashboards failed: " + e.getMessage());
            return 1;
        }
    }

    private static String bundle() throws InstallException {
        try {
            return BundledFiles.kibanaBundle(SavedObjectBundle.FILE_NAME);
        } catch (IOException e) {
            throw new InstallException("cannot read the Kibana bundle", e);
        }
    }
}
