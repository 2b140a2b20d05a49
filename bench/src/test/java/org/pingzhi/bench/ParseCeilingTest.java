package org.pingzhi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCeilingTest {

    @TempDir Path folder;

    @Test
    void parsesEveryRecordLineOfBothFilesAsTheReplayReadsThem() throws Exception {
        ByteArrayOutputStream hotline = new ByteArrayOutputStream();
        hotline.writeBytes("{\"a\":1}\n\n".getBytes(StandardCharsets.UTF_8));
        // the simulator's malformed lines include bytes that are not UTF-8
        hotline.writeBytes(new byte[] {'{', '"', 'b', '"', ':', '"', (byte) 0xFF, '"', '}', '\n'});
        Path hotlineFile = Files.write(folder.resolve("hotline.jsonl"), hotline.toByteArray());
        Path policeFile =
                Files.writeString(folder.resolve("police.jsonl"), "{\"c\":2}\nnot json\n");

        ParseCeiling.Result result = ParseCeiling.measure(hotlineFile, policeFile);

        // blank lines are no records, as in the replay
        assertThat(result.lines()).isEqualTo(4);
    }
}
