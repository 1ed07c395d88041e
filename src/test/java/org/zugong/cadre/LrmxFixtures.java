package org.zugong.cadre;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.zugong.person.IdNumber;

/** Fixture files under {@code src/test/resources/lrmx/}; all people in them are fictional. */
final class LrmxFixtures {

    /** 李明远, male, born 1985-03-12. */
    static final String MAN_ID = IdNumber.withCheckDigit("43010419850312123").value();
    /** 王雪梅, female, born 1987-09-21. */
    static final String WIFE_ID = IdNumber.withCheckDigit("43010219870921104").value();

    private LrmxFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = LrmxFixtures.class.getResourceAsStream("/lrmx/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static LrmxParseResult read(String name) {
        return LrmxReader.read(bytes(name));
    }

    static LrmxParseResult readText(String xml) {
        return LrmxReader.read(xml.getBytes(StandardCharsets.UTF_8));
    }
}
