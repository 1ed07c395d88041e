package org.zugong.cadre;

/** 干部任职 — a post was recorded for a cadre. Published after commit to warnings and other listeners. */
public record CadreAppointed(long personId, long postId, long orgId, String title, RankLeadingPost postLevel, java.time.LocalDate startDate) {
}
