package org.pingzhi.dispatch.job;

import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** The state of the dispatch function ({@link DispatchFunction}), keyed by alertId. */
public final class DispatchStateDescriptors {

    public static final TypeInformation<AlertPaging> PAGING_TYPE =
            TypeInformation.of(AlertPaging.class);

    private DispatchStateDescriptors() {}

    /** Who was paged, how often, whether acknowledged, the pending follow-up. */
    public static ValueStateDescriptor<AlertPaging> paging() {
        return new ValueStateDescriptor<>("dispatch-alert-paging", PAGING_TYPE);
    }
}
