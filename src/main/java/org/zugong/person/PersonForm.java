package org.zugong.person;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a user may set on a person, from the page form or the API. On edit, an empty ID number keeps
 * the stored one (the form shows it masked).
 */
public record PersonForm(
        @NotNull(message = "请选择所在组织") Long orgId,
        @NotBlank(message = "请填写姓名") @Size(max = 50, message = "姓名不能超过50个字") String name,
        @NotBlank(message = "请选择性别") String sex,
        @NotNull(message = "请填写出生日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
        String ethnicity,
        @Size(max = 100, message = "籍贯不能超过100个字") String nativePlace,
        String idNumber,
        String phone,
        String education,
        String politicalStatus,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate partyJoinDate,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate workStartDate,
        Integer version) {

    static PersonForm blank(Long orgId) {
        return new PersonForm(orgId, "", "", null, "01", "", "", "", "", "", null, null, null);
    }
}
