package org.pingzhi.common.normalize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pingzhi.common.model.RawRecord;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.testing.ContractFiles;

/**
 * The contract's sample files as raw records, the way replay reads them: split on newline bytes
 * (not decoded: a line need not be UTF-8), blank lines skipped, offset the 0-based line number,
 * topic the source's default topic, partition 0.
 */
final class SampleLines {

    static final String HOTLINE_FILE = "hotline-12345.jsonl";
    static final String POLICE_FILE = "police-110.jsonl";

    private SampleLines() {}

    static List<RawRecord> of(Source source) {
        String file = source == Source.HOTLINE_12345 ? HOTLINE_FILE : POLICE_FILE;
        return split(source.defaultTopic(), ContractFiles.sample(file));
    }

    static List<RawRecord> split(String topic, byte[] file) {
        List<RawRecord> records = new ArrayList<>();
        int start = 0;
        long lineNumber = 0;
        for (int i = 0; i <= file.length; i++) {
            if (i == file.length || file[i] == '\n') {
                byte[] line = Arrays.copyOfRange(file, start, i);
                if (!isBlank(line) && !(i == file.length && line.length == 0)) {
                    records.add(new RawRecord(topic, 0, lineNumber, line));
                }
                start = i + 1;
                lineNumber++;
            }
        }
        return records;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
