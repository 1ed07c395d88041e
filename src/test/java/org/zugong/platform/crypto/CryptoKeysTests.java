package org.zugong.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keys come from a key file only its owner can read, or from the environment; never from the database. */
class CryptoKeysTests {

    private static final String SM4 = "00112233445566778899aabbccddeeff";

    @TempDir
    Path dir;

    @Test
    void aNewKeyFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("keys/zugong.keys");
        new CryptoKeys(file.toString(), "", "", "");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        // Read back: the same keys.
        assertThat(new CryptoKeys(file.toString(), "", "", "").sm4Key()).isEqualTo(new CryptoKeys(file.toString(), "", "", "").sm4Key());
    }

    @Test
    void aKeyFileTheGroupOrOthersMayReadIsRefusedWithTheFix() throws Exception {
        Path file = keyFile("rw-r--r--");
        assertThatThrownBy(() -> new CryptoKeys(file.toString(), "", "", ""))
                .hasMessageContaining("rw-r--r--").hasMessageContaining("拒绝启动").hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> new CryptoKeys(file.toString(), "", "", "")).hasMessageContaining("拒绝启动");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertThat(new CryptoKeys(file.toString(), "", "", "").sm4Key()).isEqualTo(java.util.HexFormat.of().parseHex(SM4));
    }

    @Test
    void aKeyFileServesAnExternalDatabaseWithoutGeneratingKeys() throws Exception {
        Path file = keyFile("rw-------");
        CryptoKeys keys = new CryptoKeys(file.toString(), "", "", "", "jdbc:postgresql://db/zugong", false);
        assertThat(keys.auditKey()).isEqualTo(java.util.HexFormat.of().parseHex("66".repeat(32)));
    }

    private Path keyFile(String permissions) throws Exception {
        Path file = dir.resolve("given.keys");
        Files.writeString(file, "sm4=" + SM4 + "\nindex=" + "55".repeat(32) + "\naudit=" + "66".repeat(32) + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
