package org.pingzhi.jobs.sink.elasticsearch;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.pingzhi.common.model.Document;
import org.pingzhi.jobs.testing.ElasticsearchExtension;

/**
 * Test bed of the sink tests, registered on a static field of a test class that uses the {@link
 * ElasticsearchExtension}: one local MiniCluster per test class to run bounded jobs (parallelism 1)
 * that write documents through a sink, and before each test fresh indices of the class's prefix
 * under the index templates. (The cluster is started here rather than by {@code env.execute()}
 * because a job's metrics are gone once the cluster that ran it has stopped.)
 */
final class SinkJobs implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final String indexPrefix;
    private final InMemoryReporter reporter = InMemoryReporter.createWithRetainedMetrics();
    private MiniCluster cluster;

    SinkJobs(String indexPrefix) {
        this.indexPrefix = indexPrefix;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(reporter.addToConfiguration(new Configuration()))
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(1)
                                .build());
        cluster.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        ElasticsearchExtension.deleteIndices(indexPrefix + "*");
        IndexTemplateInstaller.installAll(ElasticsearchExtension.client(), indexPrefix);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        cluster.close();
    }

    /** Runs a job to its end and returns the sink's counters; throws what failed the job. */
    Counters run(List<Document> documents, ElasticsearchSink<Document> sink) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromData(documents).sinkTo(sink).uid("elasticsearch-sink").name("Elasticsearch");
        JobExecutionResult result = cluster.executeJobBlocking(env.getStreamGraph().getJobGraph());
        Map<String, Long> counters = new HashMap<>();
        reporter.findMetrics(result.getJobID(), ".*\\.es[A-Za-z]+")
                .forEach(
                        (identifier, metric) ->
                                counters.merge(
                                        identifier.substring(identifier.lastIndexOf('.') + 1),
                                        metric instanceof Counter counter ? counter.getCount() : 0L,
                                        Long::sum));
        return new Counters(counters);
    }

    /** The sink's metrics of one job, summed over its subtasks (gauges count as 0). */
    record Counters(Map<String, Long> byName) {

        long get(String name) {
            if (!byName.containsKey(name)) {
                throw new AssertionError("no metric " + name + " among " + byName.keySet());
            }
            return byName.get(name);
        }

        boolean has(String name) {
            return byName.containsKey(name);
        }
    }
}
