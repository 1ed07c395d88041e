package org.zugong.recruitment;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.zugong.recruitment.Timeline.IntroducerStatus;
import org.zugong.recruitment.Timeline.PreReviewLevel;

/**
 * What a step records; each step reads the fields it needs:
 * <ul>
 * <li>talk, assessment, development-target, approval, conversion-approval, cancel: {@code date} (assessment and
 * cancel also {@code note} / {@code reason}; development-target {@code introducers})</li>
 * <li>activist: {@code date} and optionally {@code contacts} (培养联系人)</li>
 * <li>political-review: {@code date}, {@code passed}; training: {@code days}, {@code hours}; notice: {@code start}, {@code end}</li>
 * <li>pre-review: {@code level}, {@code date}, {@code passed}, {@code reviewerOrgId}, {@code note}</li>
 * <li>admission, conversion: {@code date}, {@code dueVoters}, {@code present}, {@code votesFor}, {@code writtenFor}</li>
 * <li>extension: {@code date} (of the decision) and {@code months}</li>
 * </ul>
 * {@code version} (optional) is the version of the record the user saw.
 */
public record StepForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Boolean passed, Integer days, Integer hours,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate end,
                       PreReviewLevel level, Long reviewerOrgId, String note, Integer dueVoters, Integer present, Integer votesFor,
                       Integer writtenFor, Integer months, String reason, List<Member> introducers, List<Member> contacts,
                       Integer version) {

    public StepForm {
        introducers = introducers == null ? List.of() : List.copyOf(introducers);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** The form of a pre-review of this level, with nothing else: what decides who may take or correct it. */
    static StepForm preReview(PreReviewLevel level) {
        return new StepForm(null, null, null, null, null, null, level, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * An 入党介绍人 or 培养联系人: a person and, optionally, their standing as a Party member. The standing is taken
     * from the person's political status (中共党员 → FULL, 中共预备党员 → PROBATIONARY; anybody else is refused);
     * only {@code UNDER_PROBATION_SANCTION} (留党察看, which the person record does not show) is taken from here.
     */
    public record Member(Long personId, IntroducerStatus status) {
    }
}
