package org.pingzhi.jobs.output;

/** An Elasticsearch geo_point in object form: {@code {"lat": .., "lon": ..}}. */
public record GeoPoint(double lat, double lon) {}
