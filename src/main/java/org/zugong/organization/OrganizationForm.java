package org.zugong.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** What a user may set on an organization, from the page form or the API. */
public record OrganizationForm(
        Long parentId,
        @NotBlank(message = "请填写组织名称") @Size(max = 100, message = "名称不能超过100个字") String name,
        @Size(max = 50, message = "简称不能超过50个字") String shortName,
        @NotNull(message = "请选择组织类别") OrganizationKind kind,
        String regionCode,
        Long unitId,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate termStart,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate termEnd,
        Integer sortOrder,
        Integer version) {

    static OrganizationForm blank(Long parentId) {
        return new OrganizationForm(parentId, "", "", null, "", null, null, null, 0, null);
    }

    static OrganizationForm of(OrganizationRecord r) {
        return new OrganizationForm(r.parentId(), r.name(), r.shortName(), r.kind(), r.regionCode(), r.unitId(),
                r.termStart(), r.termEnd(), r.sortOrder(), r.version());
    }
}
