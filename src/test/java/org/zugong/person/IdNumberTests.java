package org.zugong.person;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** GB 11643 ID numbers: check digit, birth date, sex digit, masking. */
class IdNumberTests {

    @Test
    void acceptsTheStandardsWorkedExample() {
        // GB 11643-1999 appendix example: 11010519491231002X
        assertThat(IdNumber.problem("11010519491231002X")).isEmpty();
        IdNumber id = IdNumber.parse("11010519491231002x");
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sexCode()).isEqualTo("2");
    }

    @ParameterizedTest
    @CsvSource({
            "110105194912310021, 校验位错误",
            "11010519491231002, 应为18位",
            "1101051949123100211, 应为18位",
            "11010519491331002X, 不是有效日期",
            "11010519490230002X, 不是有效日期",
            "1101051949123100AX, 前17位必须是数字",
            "11010519491231002Y, 第18位只能是数字或X",
            "'', 请填写身份证号"})
    void rejectsWithAChineseReason(String text, String reason) {
        assertThat(IdNumber.problem(text)).hasValueSatisfying(p -> assertThat(p).contains(reason));
    }

    @Test
    void rejectsABirthDateInTheFuture() {
        String first17 = "430104" + LocalDate.now().plusYears(1).toString().replace("-", "") + "001";
        assertThat(IdNumber.problem(IdNumber.withCheckDigit(first17).value())).hasValueSatisfying(p -> assertThat(p).contains("晚于今天"));
    }

    @Test
    void checkDigitBuilderProducesValidNumbersWithTheRightSex() {
        IdNumber male = IdNumber.withCheckDigit("43010419900101123");
        IdNumber female = IdNumber.withCheckDigit("43010419900101124");
        assertThat(IdNumber.problem(male.value())).isEmpty();
        assertThat(male.sexCode()).isEqualTo("1");
        assertThat(female.sexCode()).isEqualTo("2");
    }

    @Test
    void maskHidesTheBirthDateDigits() {
        assertThat(IdNumber.mask("11010519491231002X")).isEqualTo("110105********002X");
        assertThat(IdNumber.mask("11010519491231002X")).doesNotContain("19491231");
    }
}
