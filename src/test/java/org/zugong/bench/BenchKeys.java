package org.zugong.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The three keys of a data set, in the file format {@code CryptoKeys} reads: a Java properties file
 * with hex values {@code sm4} (16 bytes), {@code index} (32 bytes) and {@code audit} (32 bytes).
 */
record BenchKeys(byte[] sm4, byte[] index, byte[] audit) {

    private static final HexFormat HEX = HexFormat.of();

    static BenchKeys random() {
        SecureRandom random = new SecureRandom();
        return new BenchKeys(bytes(random, 16), bytes(random, 32), bytes(random, 32));
    }

    static Path fileIn(Path dataSetDir) {
        return dataSetDir.resolve("keys").resolve("zugong.keys");
    }

    static BenchKeys read(Path file) throws IOException {
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        }
        return new BenchKeys(HEX.parseHex(props.getProperty("sm4")), HEX.parseHex(props.getProperty("index")),
                HEX.parseHex(props.getProperty("audit")));
    }

    void write(Path file) throws IOException {
        Properties props = new Properties();
        props.setProperty("sm4", sm4Hex());
        props.setProperty("index", indexHex());
        props.setProperty("audit", auditHex());
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(out, "Zugong keys of a generated benchmark data set");
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }

    String sm4Hex() {
        return HEX.formatHex(sm4);
    }

    String indexHex() {
        return HEX.formatHex(index);
    }

    String auditHex() {
        return HEX.formatHex(audit);
    }

    private static byte[] bytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
