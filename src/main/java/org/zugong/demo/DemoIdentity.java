package org.zugong.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.zugong.person.IdNumber;

/**
 * Issues demo 公民身份号码 that pass the GB 11643 check: region code, birth date, a sequence whose last
 * digit is odd for men and even for women, and the computed check character. Remembers what it issued,
 * so every number is unique (the person table has a unique blind index).
 */
final class DemoIdentity {

    private static final DateTimeFormatter BIRTH = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int RANDOM_ATTEMPTS = 20;

    private final Set<String> issued = new HashSet<>();

    /** A new valid number for a person born on {@code birthDate} with GB/T 2261.1 sex code "1" or "2". */
    String issue(Random random, String regionCode, LocalDate birthDate, String sexCode) {
        if (regionCode.length() != 6) {
            throw new IllegalArgumentException("region code must have 6 digits: " + regionCode);
        }
        String prefix = regionCode + BIRTH.format(birthDate);
        for (int attempt = 0; attempt < RANDOM_ATTEMPTS; attempt++) {
            String number = IdNumber.withCheckDigit(prefix + sequence(random.nextInt(100), random.nextInt(5), sexCode)).value();
            if (issued.add(number)) {
                return number;
            }
        }
        // a crowded day: take the first free sequence, so that only a really full day fails
        for (int head = 0; head < 100; head++) {
            for (int last = 0; last < 5; last++) {
                String number = IdNumber.withCheckDigit(prefix + sequence(head, last, sexCode)).value();
                if (issued.add(number)) {
                    return number;
                }
            }
        }
        throw new IllegalStateException("All 500 ID sequences of this sex are taken for " + prefix);
    }

    int issuedCount() {
        return issued.size();
    }

    /** Three digits: {@code head} (0–99), then the {@code parity}-th (0–4) odd digit for a man, even for a woman. */
    private static String sequence(int head, int parity, String sexCode) {
        int last = 2 * parity + ("1".equals(sexCode) ? 1 : 0);
        return String.format("%02d%d", head, last);
    }
}
