package org.pingzhi.common.output;

/** An Elasticsearch geo_point in object form: {@code {"lat": .., "lon": ..}}. */
public record GeoPoint(double lat, double lon) {}
