package org.pingzhi.common.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.testing.PackageGraph;

class PackageCyclesTest {

    @Test
    void commonPackagesDependOneWay() {
        PackageGraph graph = PackageGraph.of(Document.class, "org.pingzhi.common");

        assertThat(graph.uses())
                .containsKeys("org.pingzhi.common.model", "org.pingzhi.common.normalize");
        assertThat(graph.cycles()).isEmpty();
    }
}
