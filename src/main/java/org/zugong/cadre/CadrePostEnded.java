package org.zugong.cadre;

/** 干部免职 — a post ended. Published after commit to warnings and other listeners. */
public record CadrePostEnded(long personId, long postId, long orgId, java.time.LocalDate endDate) {
}
