package org.zugong.organization;

/** A subtree was moved under a new parent; every descendant's path changed in the same transaction. */
public record OrganizationMoved(long organizationId, long oldParentId, long newParentId, String oldPath, String newPath,
                                int nodesMoved) {
}
