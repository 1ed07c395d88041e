package org.zugong.person;

/** A new person record was created. */
public record PersonRegistered(long personId, long orgId) {
}
