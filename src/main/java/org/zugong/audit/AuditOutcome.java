package org.zugong.audit;

/** How an audited attempt ended. */
public enum AuditOutcome {
    SUCCESS("成功"),
    FAILURE("失败"),
    /** Refused: no permission or outside the user's jurisdiction. */
    DENIED("拒绝");

    private final String label;

    AuditOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
