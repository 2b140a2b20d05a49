package org.pingzhi.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret the local dispatch job signs acknowledgement links with: made once per data folder and
 * kept in its {@code ack-secret} file (owner-only), so that {@code PINGZHI_ACK_SECRET=$(cat
 * .pingzhi/local/ack-secret) ./pingzhi ack-server} accepts the links of the pages it printed.
 */
final class LocalAckSecret {

    static final String FILE = "ack-secret";

    private LocalAckSecret() {}

    static String of(Path data) throws IOException {
        Path file = data.resolve(FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        Files.createFile(
                file,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, secret, StandardCharsets.UTF_8);
        return secret;
    }
}
