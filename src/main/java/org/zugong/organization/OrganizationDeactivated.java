package org.zugong.organization;

/** An organization was deactivated (撤销); it stays in the tree for the records that point to it. */
public record OrganizationDeactivated(long organizationId, String reason) {
}
