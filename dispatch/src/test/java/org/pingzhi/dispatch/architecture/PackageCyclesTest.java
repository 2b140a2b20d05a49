package org.pingzhi.dispatch.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pingzhi.common.testing.PackageGraph;
import org.pingzhi.dispatch.delivery.Outbox;

class PackageCyclesTest {

    @Test
    void dispatchPackagesDependOneWay() {
        PackageGraph graph = PackageGraph.of(Outbox.class, "org.pingzhi.dispatch");

        assertThat(graph.uses())
                .containsKeys(
                        "org.pingzhi.dispatch.delivery",
                        "org.pingzhi.dispatch.roster",
                        "org.pingzhi.dispatch.ack");
        assertThat(graph.cycles()).isEmpty();
    }
}
