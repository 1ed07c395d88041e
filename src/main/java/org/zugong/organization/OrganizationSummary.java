package org.zugong.organization;

/** An organization as other modules and the API see it. */
public record OrganizationSummary(long id, Long parentId, String name, OrganizationKind kind, String path, int depth,
                                  boolean active) {

    public String kindLabel() {
        return kind.label();
    }
}
