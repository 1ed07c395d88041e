package org.zugong.talent;

import java.util.Locale;
import java.util.Optional;
import org.zugong.platform.security.Permissions;

/**
 * A step of the recognition workflow, named in the path ({@code /talent-applications/{id}/steps/{step}}), with
 * the stage it is taken from and the permission it needs (withdrawal: the applicant, or staff with talent:write).
 */
public enum RecognitionStep {
    EMPLOYER("employer", "用人单位确认", RecognitionStage.SUBMITTED, Permissions.TALENT_EMPLOYER),
    REVIEW("review", "人才办审核", RecognitionStage.EMPLOYER_CONFIRMED, Permissions.TALENT_REVIEW),
    COMMITTEE("committee", "专家评审", RecognitionStage.REVIEWED, Permissions.TALENT_COMMITTEE),
    PUBLICITY("publicity", "公示", RecognitionStage.COMMITTEE_PASSED, Permissions.TALENT_REVIEW),
    OBJECTION("objection", "登记异议", RecognitionStage.PUBLICITY, Permissions.TALENT_REVIEW),
    OBJECTION_DECISION("objection-decision", "异议处理", RecognitionStage.PUBLICITY, Permissions.TALENT_REVIEW),
    RECOGNIZE("recognize", "认定", RecognitionStage.PUBLICITY, Permissions.TALENT_REVIEW),
    WITHDRAW("withdraw", "撤回申请", null, Permissions.TALENT_WRITE);

    private final String path;
    private final String label;
    private final RecognitionStage from;
    private final String permission;

    RecognitionStep(String path, String label, RecognitionStage from, String permission) {
        this.path = path;
        this.label = label;
        this.from = from;
        this.permission = permission;
    }

    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    public RecognitionStage from() {
        return from;
    }

    public String permission() {
        return permission;
    }

    static Optional<RecognitionStep> byPath(String path) {
        String p = path == null ? "" : path.trim().toLowerCase(Locale.ROOT);
        for (RecognitionStep s : values()) {
            if (s.path.equals(p)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
