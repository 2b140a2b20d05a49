package org.pingzhi.jobs.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pingzhi.common.testing.PackageGraph;
import org.pingzhi.jobs.CommandCenterJob;

class PackageCyclesTest {

    @Test
    void jobsPackagesDependOneWay() {
        PackageGraph graph = PackageGraph.of(CommandCenterJob.class, "org.pingzhi.jobs");

        assertThat(graph.uses())
                .containsKeys("org.pingzhi.jobs.lifecycle", "org.pingzhi.jobs.graph");
        assertThat(graph.cycles()).isEmpty();
    }
}
