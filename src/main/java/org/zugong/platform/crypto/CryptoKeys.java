package org.zugong.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The three keys, kept outside the database: SM4 for field encryption, HMAC-SM3 for blind indexes
 * and HMAC-SM3 for the audit chain. Taken from {@code ZUGONG_SM4_KEY}, {@code ZUGONG_INDEX_KEY},
 * {@code ZUGONG_AUDIT_KEY} (hex) when set, else from the key file ({@code ZUGONG_KEY_FILE}, default
 * {@code <data-dir>/keys/zugong.keys}), which is created with fresh random keys on first start, readable
 * by its owner only. A key file that the group or others may read (POSIX) is refused.
 */
@Component
public class CryptoKeys {

    private static final Logger log = LoggerFactory.getLogger(CryptoKeys.class);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] sm4Key;
    private final byte[] indexKey;
    private final byte[] auditKey;

    @org.springframework.beans.factory.annotation.Autowired
    CryptoKeys(@Value("${ZUGONG_KEY_FILE:${zugong.crypto.key-file:${zugong.data-dir}/keys/zugong.keys}}") String keyFile,
               @Value("${ZUGONG_SM4_KEY:}") String sm4Hex,
               @Value("${ZUGONG_INDEX_KEY:}") String indexHex,
               @Value("${ZUGONG_AUDIT_KEY:}") String auditHex,
               @Value("${zugong.db.url:}") String externalDatabase,
               @Value("${ZUGONG_GENERATE_KEYS:false}") boolean generateForExternal) {
        boolean fromEnvironment = StringUtils.hasText(sm4Hex) && StringUtils.hasText(indexHex) && StringUtils.hasText(auditHex);
        Path path = Path.of(keyFile);
        if (!fromEnvironment && StringUtils.hasText(externalDatabase) && !Files.isRegularFile(path) && !generateForExternal) {
            // Several nodes share an external database: each making its own keys would make the data unreadable.
            throw new IllegalStateException("使用外部数据库时必须提供密钥：设置 ZUGONG_SM4_KEY、ZUGONG_INDEX_KEY、ZUGONG_AUDIT_KEY，"
                    + "或提供密钥文件 " + path.toAbsolutePath() + "；首次安装可设置 ZUGONG_GENERATE_KEYS=true 生成该文件，并分发给所有节点");
        }
        Properties file = fromEnvironment ? new Properties() : loadOrCreate(path);
        this.sm4Key = key(sm4Hex, file.getProperty("sm4"), 16, "SM4");
        this.indexKey = key(indexHex, file.getProperty("index"), 32, "blind index");
        this.auditKey = key(auditHex, file.getProperty("audit"), 32, "audit chain");
    }

    /** For tests: keys given directly. */
    CryptoKeys(String keyFile, String sm4Hex, String indexHex, String auditHex) {
        this(keyFile, sm4Hex, indexHex, auditHex, "", false);
    }

    byte[] sm4Key() {
        return sm4Key.clone();
    }

    byte[] indexKey() {
        return indexKey.clone();
    }

    byte[] auditKey() {
        return auditKey.clone();
    }

    private static byte[] key(String fromEnv, String fromFile, int length, String what) {
        String hex = StringUtils.hasText(fromEnv) ? fromEnv.trim() : fromFile;
        if (!StringUtils.hasText(hex)) {
            throw new IllegalStateException("Missing " + what + " key");
        }
        byte[] key = HEX.parseHex(hex.trim());
        if (key.length != length) {
            throw new IllegalStateException("The " + what + " key must be " + length + " bytes (" + (2 * length) + " hex digits)");
        }
        return key;
    }

    private static Properties loadOrCreate(Path path) {
        try {
            Properties props = new Properties();
            if (Files.isRegularFile(path)) {
                refuseIfOthersMayRead(path);
                try (var in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                    props.load(in);
                }
                return props;
            }
            SecureRandom random = new SecureRandom();
            props.setProperty("sm4", HEX.formatHex(bytes(random, 16)));
            props.setProperty("index", HEX.formatHex(bytes(random, 32)));
            props.setProperty("audit", HEX.formatHex(bytes(random, 32)));
            Files.createDirectories(path.toAbsolutePath().getParent());
            try {
                // Owner-only from the first byte, not chmod-ed after writing.
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(path);
            }
            try (var out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                props.store(out, "Zugong keys: keep outside the database and back them up separately; losing them loses the encrypted fields");
            }
            log.warn("Created new keys in {}: back this file up apart from the database", path.toAbsolutePath());
            return props;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + path, e);
        }
    }

    /** Keys readable by other accounts of the machine are no secret: refuse to start on them. */
    private static void refuseIfOthersMayRead(Path path) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(path);
        } catch (UnsupportedOperationException notPosix) {
            return;
        }
        Set<PosixFilePermission> others = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE);
        if (permissions.stream().anyMatch(others::contains)) {
            throw new IllegalStateException("密钥文件 " + path.toAbsolutePath() + " 的权限为 " + PosixFilePermissions.toString(permissions)
                    + "，同组或其他用户可以访问，拒绝启动：请执行 chmod 600 " + path.toAbsolutePath() + "（并确认文件属于运行本系统的用户）");
        }
    }

    private static byte[] bytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
