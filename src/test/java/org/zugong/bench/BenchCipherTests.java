package org.zugong.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zugong.person.IdNumber;
import org.zugong.platform.crypto.CryptoKeys;
import org.zugong.platform.crypto.FieldCipher;

/** The generator must write exactly what the application reads: same key file, same ciphertext format, same blind index. */
class BenchCipherTests {

    private static final String ID = IdNumber.withCheckDigit("43018119850612031").value();

    @Test
    void applicationDecryptsWhatTheGeneratorEncrypts(@TempDir Path dir) throws Exception {
        BenchKeys keys = BenchKeys.random();
        Path file = BenchKeys.fileIn(dir);
        keys.write(file);
        FieldCipher app = applicationCipher(file);
        BenchCipher bench = new BenchCipher(keys, new SplittableRandom(1));

        assertThat(app.decrypt(bench.encrypt(ID))).isEqualTo(ID);
        assertThat(app.decrypt(bench.encrypt("13812345678"))).isEqualTo("13812345678");
        assertThat(bench.encrypt(ID)).hasSize(48);
    }

    @Test
    void generatorDecryptsWhatTheApplicationEncrypts(@TempDir Path dir) throws Exception {
        BenchKeys keys = BenchKeys.random();
        Path file = BenchKeys.fileIn(dir);
        keys.write(file);

        assertThat(new BenchCipher(keys, new SplittableRandom(1)).decrypt(applicationCipher(file).encrypt(ID))).isEqualTo(ID);
    }

    @Test
    void blindIndexEqualsTheApplicationsSoLookupsFindGeneratedPersons(@TempDir Path dir) throws Exception {
        BenchKeys keys = BenchKeys.random();
        Path file = BenchKeys.fileIn(dir);
        keys.write(file);

        assertThat(new BenchCipher(keys, new SplittableRandom(1)).blindIndex(ID)).isEqualTo(applicationCipher(file).blindIndex(ID));
    }

    @Test
    void keyFileRoundTrips(@TempDir Path dir) throws Exception {
        BenchKeys keys = BenchKeys.random();
        Path file = BenchKeys.fileIn(dir);
        keys.write(file);

        BenchKeys read = BenchKeys.read(file);
        assertThat(read.sm4()).isEqualTo(keys.sm4());
        assertThat(read.index()).isEqualTo(keys.index());
        assertThat(read.audit()).isEqualTo(keys.audit());
    }

    /** The application's own cipher over the key file, built through its package-private constructors. */
    private static FieldCipher applicationCipher(Path keyFile) throws Exception {
        Constructor<CryptoKeys> keys = CryptoKeys.class.getDeclaredConstructor(String.class, String.class, String.class, String.class);
        keys.setAccessible(true);
        Constructor<FieldCipher> cipher = FieldCipher.class.getDeclaredConstructor(CryptoKeys.class);
        cipher.setAccessible(true);
        return cipher.newInstance(keys.newInstance(keyFile.toString(), "", "", ""));
    }
}
