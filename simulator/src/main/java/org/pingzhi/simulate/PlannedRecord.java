package org.pingzhi.simulate;

import org.pingzhi.common.model.Source;

/**
 * A record of an incident's lifecycle, before delivery decides when (and how well) it is sent.
 *
 * @param source its platform
 * @param key its orderId or alarmId
 * @param eventTimeMillis its actionTime / statusTime
 * @param fields its JSON object
 */
record PlannedRecord(Source source, String key, long eventTimeMillis, RecordFields fields) {}
