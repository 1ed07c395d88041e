package org.zugong.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.zugong.platform.security.DataScope;

/** The role editor's fields. */
record RoleForm(
        @NotBlank(message = "请填写角色代码") @Pattern(regexp = "^[A-Z0-9_]*$", message = "角色代码只能包含大写字母、数字和下划线")
        @Size(max = 50, message = "角色代码不能超过50个字符") String code,
        @NotBlank(message = "请填写角色名称") @Size(max = 100, message = "角色名称不能超过100个字") String name,
        @NotNull(message = "请选择数据权限范围") DataScope dataScope,
        List<String> permissions,
        List<Long> scopeOrgIds,
        Boolean requiresSecondFactor,
        Integer version) {

    RoleForm {
        // Checkboxes and the picker may name the same organization twice.
        permissions = permissions == null ? List.of() : permissions.stream().distinct().toList();
        scopeOrgIds = scopeOrgIds == null ? List.of() : scopeOrgIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        // An unticked checkbox sends nothing (a client without the form's field marker neither).
        requiresSecondFactor = Boolean.TRUE.equals(requiresSecondFactor);
    }
}
