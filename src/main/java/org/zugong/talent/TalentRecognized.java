package org.zugong.talent;

import java.time.LocalDate;

/**
 * A talent was recognized (认定): the registry record holds the tier and validity from {@code recognizedOn}
 * to {@code validUntil}. Published by the recognition workflow after the 公示 ended; the card (英才卡) is
 * issued on it.
 */
public record TalentRecognized(long talentId, long personId, String tierCode, LocalDate recognizedOn, LocalDate validUntil) {
}
