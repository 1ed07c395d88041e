package org.zugong.cadre;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A promotion proposal as entered: the proposed post, its level and the date (default today). */
public record PromotionProposalForm(String proposedPost, String postLevel,
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate proposedOn) {
}
