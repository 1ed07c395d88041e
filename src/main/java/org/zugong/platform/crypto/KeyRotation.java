package org.zugong.platform.crypto;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;
import org.zugong.platform.command.ApplicationCommand;

/**
 * {@code --zugong.command=rotate-keys}: re-encrypts every SM4 column and recomputes the blind index
 * from the current keys to those of {@code ZUGONG_NEW_KEY_FILE}, in batches of one transaction each.
 * Progress is stored per table ({@code platform_key_rotation}) in the batch's transaction, so an
 * interrupted run resumes where it stopped and a finished one does nothing. The key samples are
 * replaced last; then the new key file replaces the old one. Run it with the application stopped.
 * The audit key is not rotated here (the chain is signed with it and its rows cannot change): the new
 * key file must carry the same audit key. See docs/key-rotation.md.
 */
@Component
class KeyRotation implements ApplicationCommand {

    static final int BATCH = 500;

    /**
     * Every encrypted column, by table ({@code KeyRotationTests} checks that no BYTEA *_cipher column
     * of the schema is missing). Keys are one or two BIGINT columns.
     */
    static final List<EncryptedTable> TABLES = List.of(
            new EncryptedTable("person_person", List.of("id"), List.of("id_number_cipher", "phone_cipher"),
                    Map.of("id_number_index", "id_number_cipher")),
            new EncryptedTable("cadre_family", List.of("person_id", "seq"), List.of("name_cipher", "work_cipher"), Map.of()),
            new EncryptedTable("supervision_report_item", List.of("report_id", "seq"), List.of("content_cipher"), Map.of()));

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final FieldCipher current;
    private final ChainSigner currentSigner;
    private final String newKeyFile;

    KeyRotation(JdbcClient jdbc, TransactionTemplate tx, FieldCipher current, ChainSigner currentSigner,
                @Value("${ZUGONG_NEW_KEY_FILE:}") String newKeyFile) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.current = current;
        this.currentSigner = currentSigner;
        this.newKeyFile = newKeyFile;
    }

    @Override
    public String name() {
        return "rotate-keys";
    }

    @Override
    public int run(PrintStream out) {
        if (!StringUtils.hasText(newKeyFile) || !Files.isRegularFile(Path.of(newKeyFile))) {
            out.println("请用 ZUGONG_NEW_KEY_FILE 指定新密钥文件（格式同 zugong.keys，权限 600）");
            return 2;
        }
        CryptoKeys next = new CryptoKeys(newKeyFile, "", "", "");
        ChainSigner nextSigner = new ChainSigner(next);
        byte[] sample = KeyCheck.SAMPLE.getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(nextSigner.sign(sample), currentSigner.sign(sample))) {
            out.println("新密钥文件中的审计密钥（audit）必须与当前的相同：审计链用它签名，不能随本命令轮换");
            return 2;
        }
        rotate(new FieldCipher(next), out);
        out.println("密钥轮换完成：请用新密钥文件替换原密钥文件（或 ZUGONG_KEY_FILE 指向它）后启动，并妥善备份、销毁旧密钥");
        return 0;
    }

    /** Re-encrypts everything not yet done under next; safe to run again after an interruption. */
    void rotate(FieldCipher next, PrintStream out) {
        byte[] rotation = next.blindIndex(KeyCheck.SAMPLE);
        for (EncryptedTable table : TABLES) {
            long rows = 0;
            while (true) {
                Integer done = tx.execute(status -> batch(table, rotation, next));
                if (done == null || done == 0) {
                    break;
                }
                rows += done;
            }
            out.println(table.name() + "：本次重新加密 " + rows + " 行");
        }
        tx.executeWithoutResult(status -> jdbc.sql("UPDATE platform_key_check SET sm4_sample = :s, index_sample = :i WHERE id = 1")
                .param("s", next.encrypt(KeyCheck.SAMPLE)).param("i", rotation).update());
    }

    /** One batch in one transaction: the rows after the stored position, and the new position with them. */
    private int batch(EncryptedTable t, byte[] rotation, FieldCipher next) {
        jdbc.sql("INSERT INTO platform_key_rotation (rotation, table_name, last_a, last_b) VALUES (:r, :t, :min, :min) ON CONFLICT DO NOTHING")
                .param("r", rotation).param("t", t.name()).param("min", Long.MIN_VALUE).update();
        var position = jdbc.sql("SELECT last_a, last_b, done FROM platform_key_rotation WHERE rotation = :r AND table_name = :t FOR UPDATE")
                .param("r", rotation).param("t", t.name())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBoolean(3)}).single();
        if ((Boolean) position[2]) {
            return 0;
        }
        String keys = String.join(", ", t.keys());
        String after = t.keys().size() == 1 ? t.keys().getFirst() + " > :a" : "(" + keys + ") > (:a, :b)";
        List<Map<String, Object>> rows = jdbc.sql("SELECT " + keys + ", " + String.join(", ", t.ciphers()) + " FROM " + t.name()
                        + " WHERE " + after + " ORDER BY " + keys + " LIMIT " + BATCH + " FOR UPDATE")
                .param("a", position[0]).param("b", position[1]).query().listOfRows();
        if (rows.isEmpty()) {
            jdbc.sql("UPDATE platform_key_rotation SET done = true, updated_at = now() WHERE rotation = :r AND table_name = :t")
                    .param("r", rotation).param("t", t.name()).update();
            return 0;
        }
        StringBuilder set = new StringBuilder();
        for (String c : t.ciphers()) {
            set.append(set.isEmpty() ? "" : ", ").append(c).append(" = :").append(c);
        }
        t.indexes().keySet().forEach(index -> set.append(", ").append(index).append(" = :").append(index));
        String where = t.keys().stream().map(k -> k + " = :k_" + k).reduce((x, y) -> x + " AND " + y).orElseThrow();
        Map<String, Object> last = rows.getLast();
        for (Map<String, Object> row : rows) {
            var update = jdbc.sql("UPDATE " + t.name() + " SET " + set + " WHERE " + where);
            Map<String, String> plain = new java.util.HashMap<>();
            for (String c : t.ciphers()) {
                String value = current.decrypt((byte[]) row.get(c));
                plain.put(c, value);
                update = update.param(c, next.encrypt(value));
            }
            for (var index : t.indexes().entrySet()) {
                update = update.param(index.getKey(), next.blindIndex(plain.get(index.getValue())));
            }
            for (String k : t.keys()) {
                update = update.param("k_" + k, row.get(k));
            }
            update.update();
        }
        jdbc.sql("UPDATE platform_key_rotation SET last_a = :a, last_b = :b, updated_at = now() WHERE rotation = :r AND table_name = :t")
                .param("a", ((Number) last.get(t.keys().getFirst())).longValue())
                .param("b", t.keys().size() == 1 ? Long.MIN_VALUE : ((Number) last.get(t.keys().get(1))).longValue())
                .param("r", rotation).param("t", t.name()).update();
        return rows.size();
    }

    /** A table's key columns, SM4 columns, and blind-index columns with the SM4 column they index. */
    record EncryptedTable(String name, List<String> keys, List<String> ciphers, Map<String, String> indexes) {
    }
}
