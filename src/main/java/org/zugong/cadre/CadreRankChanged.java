package org.zugong.cadre;

/** 职级变动 — the cadre holds a new rank from {@code since}. Published after commit to warnings and other listeners. */
public record CadreRankChanged(long personId, Rank rank, java.time.LocalDate since) {
}
