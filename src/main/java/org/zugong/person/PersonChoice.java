package org.zugong.person;

/** A person offered in a choice list (e.g. 入党介绍人 on a development record): id, name and organization only. */
public record PersonChoice(long id, String name, String orgName) {
}
