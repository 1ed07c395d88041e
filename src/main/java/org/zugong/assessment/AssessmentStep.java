package org.zugong.assessment;

import java.time.Instant;

/** A step of a person's workflow: who completed or sent back which stage, when, and why. */
public record AssessmentStep(long id, AssessmentStage stage, String action, String note, Instant doneAt, String doneBy) {

    public String actionName() {
        return switch (action) {
            case "SUBMIT" -> "完成";
            case "RETURN" -> "退回";
            case "ADJUST" -> "调整";
            default -> action;
        };
    }
}
