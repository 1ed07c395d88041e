package org.zugong.talent;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a step records (page form and API body); each step reads what it needs:
 * <ul>
 * <li>employer, review: {@code date}, {@code passed}, {@code reason} (required when refusing)</li>
 * <li>committee: {@code date}, {@code present}, {@code votesFor}, {@code votesAgainst}, {@code votesAbstain}, {@code grantedTier}
 * (the tier granted, not above the one applied for), {@code reason} (the opinion)</li>
 * <li>publicity: {@code date} (its first day); objection: {@code date}, {@code reason} (the objection)</li>
 * <li>objection-decision: {@code date}, {@code sustained}, {@code reason}; recognize: {@code date}; withdraw: {@code date}, {@code reason}</li>
 * </ul>
 * {@code version} is the version of the application the user saw: required, a stale one answers 409.
 */
public record RecognitionStepForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Boolean passed, Boolean sustained,
                                  String reason, Integer present, Integer votesFor, Integer votesAgainst, Integer votesAbstain,
                                  String grantedTier, Integer version) {

    static RecognitionStepForm of(LocalDate date, Boolean passed, String reason, Integer version) {
        return new RecognitionStepForm(date, passed, null, reason, null, null, null, null, null, version);
    }
}
