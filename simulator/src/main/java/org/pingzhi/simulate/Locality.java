package org.pingzhi.simulate;

import java.util.List;

/**
 * A town as the simulator sees it.
 *
 * @param town the town of the contract
 * @param weight its share of the county's calls
 * @param gridPrefix the prefix of its grid codes (网格编号)
 * @param villages its villages and communities (村/社区)
 * @param roads roads and streets, for the texts
 */
record Locality(
        Town town, double weight, String gridPrefix, List<String> villages, List<String> roads) {}
