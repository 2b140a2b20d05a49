package org.pingzhi.simulate;

/** A town or subdistrict of contracts/towns.tsv, with its police station and rough centre. */
record Town(String code, String name, String station, double lat, double lon) {

    /** The name without its 街道/镇 suffix, as units write it (当湖, 独山港). */
    String shortName() {
        return name.replaceFirst("(街道|镇)$", "");
    }
}
