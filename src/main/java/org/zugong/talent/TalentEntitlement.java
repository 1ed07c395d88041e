package org.zugong.talent;

/** One entitlement (权益) of a tier's talent card, stored as data in {@code talent_entitlement}. */
public record TalentEntitlement(String tierCode, String code, String name, String description, int sort) {
}
