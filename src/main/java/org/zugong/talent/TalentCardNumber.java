package org.zugong.talent;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * 英才卡号: "YC" + two digits of the year of issue + ten random digits + an ISO 7064 MOD 11-2 check character
 * (0–9 or X, as in the resident ID number) over the twelve digits, 15 characters. Random, so that numbers are
 * neither sequential nor guessable (10¹⁰ per year); the check character catches a mistyped digit before any lookup.
 */
final class TalentCardNumber {

    private static final Pattern FORMAT = Pattern.compile("YC[0-9]{12}[0-9X]");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TalentCardNumber() {
    }

    static String generate(LocalDate issuedOn) {
        StringBuilder digits = new StringBuilder(String.format("%02d", issuedOn.getYear() % 100));
        for (int i = 0; i < 10; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return "YC" + digits + check(digits);
    }

    /** The number as typed, without spaces or dashes, upper case; null stays null. */
    static String normalize(String typed) {
        return typed == null ? null : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Well formed, with the right check character (of a normalized number). */
    static boolean isValid(String number) {
        return number != null && FORMAT.matcher(number).matches() && check(number.substring(2, 14)) == number.charAt(14);
    }

    /** ISO 7064 MOD 11-2 over decimal digits: 0–9 or X. */
    static char check(CharSequence digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum = (sum + digits.charAt(i) - '0') * 2 % 11;
        }
        int c = (12 - sum % 11) % 11;
        return c == 10 ? 'X' : (char) ('0' + c);
    }
}
