package org.zugong.cadre;

import java.time.LocalDate;

/** 拟提拔: a proposal to promote a cadre to a post. */
public record PromotionProposal(long id, long personId, String proposedPost, RankLeadingPost postLevel, LocalDate proposedOn,
                                PromotionStatus status, int version, String createdBy) {
}
