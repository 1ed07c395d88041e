package org.zugong.person;

/** A person record was edited; {@code orgChanged} tells a transfer between organizations. */
public record PersonChanged(long personId, long orgId, boolean orgChanged) {
}
