package org.zugong.recruitment;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.zugong.recruitment.Timeline.PreReviewLevel;

/**
 * 更正: the date of a recorded step, entered wrongly, replaced with the right one and the reason. {@code step} is
 * {@code application} (递交入党申请书) or the key of a dated step ({@code talk}, {@code activist}, {@code assessment},
 * {@code development-target}, {@code political-review}, {@code pre-review}, {@code admission}, {@code approval},
 * {@code conversion}, {@code conversion-approval}). A half-yearly assessment is named by its recorded date
 * ({@code original}), a pre-review by its {@code level}. {@code version} (optional) is the version of the record the
 * user saw.
 */
public record DateCorrection(String step, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate original, PreReviewLevel level,
                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String reason, Integer version) {
}
