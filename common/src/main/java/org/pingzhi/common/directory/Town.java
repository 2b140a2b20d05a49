package org.pingzhi.common.directory;

import java.io.Serializable;

/**
 * One of Pinghu's towns or subdistricts, as towns.tsv lists it.
 *
 * @param code the project's town code, e.g. {@code 330482001}
 * @param name the name 12345 records use, e.g. {@code 当湖街道}
 * @param kind subdistrict or town
 * @param station the police station 110 records name, e.g. {@code 当湖派出所}
 * @param lat rough centre latitude (WGS84), for synthetic data and maps only
 * @param lon rough centre longitude (WGS84)
 */
public record Town(String code, String name, TownKind kind, String station, double lat, double lon)
        implements Serializable {

    private static final long serialVersionUID = 1L;
}
