package org.zugong.organization;

import java.time.Instant;
import java.time.LocalDate;

/** All stored fields of one organization (inside the module). */
public record OrganizationRecord(long id, Long parentId, String path, int depth, String name, String shortName,
                          OrganizationKind kind, String regionCode, Long unitId, LocalDate termStart, LocalDate termEnd,
                          int sortOrder, boolean active, Instant deactivatedAt, String deactivationReason, int version,
                          Instant updatedAt, String updatedBy, boolean hasChildren) {

    public OrganizationSummary summary() {
        return new OrganizationSummary(id, parentId, name, kind, path, depth, active);
    }

    public boolean termExpired(LocalDate today) {
        return termEnd != null && termEnd.isBefore(today);
    }
}
