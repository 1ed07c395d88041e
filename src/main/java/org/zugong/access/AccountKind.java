package org.zugong.access;

/**
 * 账号类型: staff of the organization departments and units, or a recognized talent (人才) who signs in to
 * the portal. A talent account holds the fixed role {@link #TALENT_ROLE} only (permission {@code talent:self}),
 * is tied to its person record and is never given a staff role; the database enforces the same (V27).
 */
public enum AccountKind {
    STAFF("工作人员"), TALENT("人才");

    /** The code of the one role a talent account holds. */
    public static final String TALENT_ROLE = "TALENT";

    private final String label;

    AccountKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
