package org.zugong.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The user editor's fields; the password only on create (and for a reset). */
record UserForm(
        @NotBlank(message = "请填写用户名") @Size(max = 50, message = "用户名不能超过50个字符")
        @Pattern(regexp = "^[A-Za-z0-9_.-]*$", message = "用户名只能包含字母、数字、下划线、点和连字符") String username,
        @NotBlank(message = "请填写姓名") @Size(max = 50, message = "姓名不能超过50个字") String displayName,
        @NotNull(message = "请选择所属组织") Long orgId,
        String password,
        List<Long> roleIds,
        boolean enabled,
        Integer version) {

    UserForm {
        roleIds = roleIds == null ? List.of() : List.copyOf(roleIds);
    }
}
