package org.zugong.platform.crypto;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * rotate-keys re-encrypts every encrypted column and recomputes the blind index under new keys: the
 * same plaintexts come back with the new keys, lookups by ID number work, and a second run does nothing.
 * (Rotated forward and back again, so that the shared test database ends under its own keys.)
 */
class KeyRotationTests extends IntegrationTest {

    @Autowired
    CryptoKeys keys;

    @Autowired
    FieldCipher cipher;

    @Autowired
    ChainSigner signer;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    KeyCheck check;

    @TempDir
    Path dir;

    @Test
    void everyEncryptedColumnOfTheSchemaIsRotated() {
        var inSchema = new TreeSet<>(jdbc.sql("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND data_type = 'bytea' AND column_name LIKE '%\\_cipher'
                """).query(String.class).list());
        var rotated = KeyRotation.TABLES.stream().flatMap(t -> t.ciphers().stream().map(c -> t.name() + "." + c))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(rotated).isEqualTo(inSchema);
    }

    @Test
    void afterRotationTheNewKeysReadTheSamePlaintextsAndFindPersonsByIdNumber() throws Exception {
        List<Map<String, Object>> before = jdbc.sql("SELECT id, id_number_cipher, phone_cipher FROM person_person ORDER BY id LIMIT 5")
                .query().listOfRows();
        List<String> idNumbers = before.stream().map(r -> cipher.decrypt((byte[]) r.get("id_number_cipher"))).toList();
        List<String> phones = before.stream().map(r -> cipher.decrypt((byte[]) r.get("phone_cipher"))).toList();
        String family = jdbc.sql("SELECT name_cipher FROM cadre_family WHERE name_cipher IS NOT NULL ORDER BY person_id, seq LIMIT 1")
                .query(byte[].class).optional().map(cipher::decrypt).orElseThrow();

        CryptoKeys newKeys = new CryptoKeys(keyFile("99".repeat(16), "77".repeat(32), HexFormat.of().formatHex(keys.auditKey())).toString(), "", "", "");
        FieldCipher next = new FieldCipher(newKeys);
        KeyRotation forward = new KeyRotation(jdbc, tx, cipher, signer, "");
        try {
            forward.rotate(next, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

            for (int i = 0; i < before.size(); i++) {
                long id = ((Number) before.get(i).get("id")).longValue();
                var after = jdbc.sql("SELECT id_number_cipher, phone_cipher FROM person_person WHERE id = :id").param("id", id).query().singleRow();
                assertThat(next.decrypt((byte[]) after.get("id_number_cipher"))).isEqualTo(idNumbers.get(i));
                assertThat(next.decrypt((byte[]) after.get("phone_cipher"))).isEqualTo(phones.get(i));
                assertThat(jdbc.sql("SELECT id FROM person_person WHERE id_number_index = :x").param("x", next.blindIndex(idNumbers.get(i)))
                        .query(Long.class).single()).isEqualTo(id);
                assertThat(jdbc.sql("SELECT count(*) FROM person_person WHERE id_number_index = :x").param("x", cipher.blindIndex(idNumbers.get(i)))
                        .query(Long.class).single()).as("old index gone").isZero();
            }
            assertThat(jdbc.sql("SELECT name_cipher FROM cadre_family WHERE name_cipher IS NOT NULL ORDER BY person_id, seq LIMIT 1")
                    .query(byte[].class).optional().map(next::decrypt)).contains(family);
            // The key samples are the new keys': a node with the old key file now refuses to start.
            KeyCheck withNewKeys = new KeyCheck(jdbc, next, new ChainSigner(newKeys));
            withNewKeys.verifyKeys();

            // Done is done: running it again re-encrypts nothing.
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            forward.rotate(next, new PrintStream(again, true, StandardCharsets.UTF_8));
            assertThat(again.toString(StandardCharsets.UTF_8)).contains("person_person：本次重新加密 0 行").doesNotContain("本次重新加密 5");
        } finally {
            // Back to the keys the rest of the tests run with.
            new KeyRotation(jdbc, tx, next, new ChainSigner(newKeys), "")
                    .rotate(cipher, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        }
        check.verifyKeys();
        assertThat(jdbc.sql("SELECT id FROM person_person WHERE id_number_index = :x").param("x", cipher.blindIndex(idNumbers.getFirst()))
                .query(Long.class).single()).isEqualTo(((Number) before.getFirst().get("id")).longValue());
    }

    @Test
    void aNewKeyFileWithAnotherAuditKeyIsRefused() throws Exception {
        Path file = keyFile("99".repeat(16), "77".repeat(32), "12".repeat(32));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new KeyRotation(jdbc, tx, cipher, signer, file.toString()).run(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("审计密钥");
        check.verifyKeys();
    }

    private Path keyFile(String sm4, String index, String audit) throws Exception {
        Path file = dir.resolve("new-" + sm4.substring(0, 2) + audit.substring(0, 2) + ".keys");
        Files.writeString(file, "sm4=" + sm4 + "\nindex=" + index + "\naudit=" + audit + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
