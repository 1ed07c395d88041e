package org.zugong.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The account editor's fields, kept by the system administrator; the password only on create. Roles
 * are not here: 三员分立 gives role assignment to the security administrator.
 */
record UserForm(
        @NotBlank(message = "请填写用户名") @Size(max = 50, message = "用户名不能超过50个字符")
        @Pattern(regexp = "^[A-Za-z0-9_.-]*$", message = "用户名只能包含字母、数字、下划线、点和连字符") String username,
        @NotBlank(message = "请填写姓名") @Size(max = 50, message = "姓名不能超过50个字") String displayName,
        @NotNull(message = "请选择所属组织") Long orgId,
        String password,
        boolean enabled,
        Integer version) {
}
