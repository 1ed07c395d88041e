package org.zugong.person;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * 公民身份号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence whose
 * parity gives the sex (odd = male), and an ISO 7064 MOD 11-2 check character (0–9 or X).
 */
public record IdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /** Why a text is not a valid ID number, in Chinese for the field message; empty when valid. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("请填写身份证号");
        }
        String v = normalize(text);
        if (v.length() != 18) {
            return Optional.of("身份证号应为18位（当前" + v.length() + "位）");
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(v.charAt(i)) || v.charAt(i) > '9') {
                return Optional.of("身份证号前17位必须是数字");
            }
        }
        char last = v.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return Optional.of("身份证号第18位只能是数字或X");
        }
        if (birthDateOf(v).isEmpty()) {
            return Optional.of("身份证号中的出生日期（第7–14位）不是有效日期");
        }
        if (birthDateOf(v).get().isAfter(LocalDate.now())) {
            return Optional.of("身份证号中的出生日期晚于今天");
        }
        if (checkCharacter(v) != last) {
            return Optional.of("身份证号校验位错误（第18位应为 " + checkCharacter(v) + "）");
        }
        return Optional.empty();
    }

    /** Parses a valid number; throws {@link IllegalArgumentException} with the Chinese reason otherwise. */
    public static IdNumber parse(String text) {
        problem(text).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return new IdNumber(normalize(text));
    }

    public static String normalize(String text) {
        return text == null ? "" : text.trim().toUpperCase();
    }

    /** Builds a valid number from its first 17 characters (for generated demo and test data). */
    public static IdNumber withCheckDigit(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("17 digits expected");
        }
        return new IdNumber(first17 + checkCharacter(first17));
    }

    public LocalDate birthDate() {
        return birthDateOf(value).orElseThrow();
    }

    /** GB/T 2261.1 sex code: "1" male, "2" female. */
    public String sexCode() {
        return (value.charAt(16) - '0') % 2 == 1 ? "1" : "2";
    }

    public String regionCode() {
        return value.substring(0, 6);
    }

    /** Masked for display: region and last four kept, the birth date and sequence hidden. */
    public String masked() {
        return mask(value);
    }

    public static String mask(String value) {
        if (value == null || value.length() < 10) {
            return "******";
        }
        return value.substring(0, 6) + "********" + value.substring(value.length() - 4);
    }

    static char checkCharacter(String v) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (v.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static Optional<LocalDate> birthDateOf(String v) {
        try {
            int y = Integer.parseInt(v.substring(6, 10));
            int m = Integer.parseInt(v.substring(10, 12));
            int d = Integer.parseInt(v.substring(12, 14));
            if (y < 1900) {
                return Optional.empty();
            }
            return Optional.of(LocalDate.of(y, m, d));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return masked();
    }
}
