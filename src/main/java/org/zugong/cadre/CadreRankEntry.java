package org.zugong.cadre;

import java.time.LocalDate;

/** One period in a 职级 (rank) history. */
public record CadreRankEntry(long id, long personId, Rank rank, LocalDate startDate, LocalDate endDate, String note) {
}
