package org.zugong.assessment;

/** A recorded approval raising a unit's 优秀 percentage (up to the rule set's maximum, 25 %). */
public record QuotaApprovalForm(Integer percent, String document, String reason) {
}
