package org.zugong.person;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Fuzzing the ID-number validator (Jazzer): {@link IdNumber#problem} never throws, {@link IdNumber#parse}
 * throws only {@link IllegalArgumentException}, and a number accepted as valid has 17 ASCII digits, a real
 * birth date not after today and the check character of an independent ISO 7064 MOD 11-2 computation.
 *
 * <p>Regression mode runs in every build over {@code src/test/resources/org/zugong/person/IdNumberFuzzTestsInputs/
 * <method>/} (each file: the text, UTF-8). To fuzz: {@code JAZZER_FUZZ=1 ./mvnw -o test -Djazzer.hooks=true -Dtest=IdNumberFuzzTests}.
 */
class IdNumberFuzzTests {

    @FuzzTest(maxDuration = "2m")
    void anyTextIsJudgedWithoutThrowingAndValidNumbersCarryTheirCheckDigit(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);

        var problem = IdNumber.problem(text);

        if (problem.isPresent()) {
            assertThat(problem.get()).isNotBlank();
            assertThatIllegalArgumentException().isThrownBy(() -> IdNumber.parse(text));
            return;
        }
        IdNumber id = IdNumber.parse(text);
        String v = id.value();
        assertThat(v).hasSize(18).matches("[0-9]{17}[0-9X]");
        assertThat(v.charAt(17)).isEqualTo(mod11(v));
        assertThat(id.birthDate()).isBeforeOrEqualTo(LocalDate.now());
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(Integer.parseInt(v.substring(6, 10)),
                Integer.parseInt(v.substring(10, 12)), Integer.parseInt(v.substring(12, 14))));
        assertThat(id.sexCode()).isIn("1", "2");
        assertThat(id.masked()).doesNotContain(v.substring(6, 14));
    }

    /** ISO 7064 MOD 11-2 written out from the standard, independently of {@link IdNumber}. */
    private static char mod11(String v) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = (1 << (17 - i)) % 11; // 2^(18-i-1) mod 11 for position i+1 counted from the left
            sum += (v.charAt(i) - '0') * weight;
        }
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }
}
