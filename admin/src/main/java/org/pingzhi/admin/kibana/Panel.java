package org.pingzhi.admin.kibana;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A dashboard panel: its entry in {@code panelsJSON} and the dashboard references it needs. */
interface Panel {

    String panelIndex();

    /** The element of the dashboard's {@code panelsJSON} array. */
    ObjectNode panelJson();

    /** The dashboard's references for this panel, names prefixed with {@code <panelIndex>:}. */
    List<ObjectNode> dashboardReferences();
}
