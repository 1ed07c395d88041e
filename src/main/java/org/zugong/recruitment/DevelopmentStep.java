package org.zugong.recruitment;

import java.util.Arrays;
import java.util.Optional;

/** The steps a development record moves through, each recorded by {@code POST …/steps/{key}}. */
public enum DevelopmentStep {
    TALK("talk", "党组织派人谈话"),
    ACTIVIST("activist", "确定为入党积极分子"),
    ASSESSMENT("assessment", "入党积极分子考察"),
    DEVELOPMENT_TARGET("development-target", "确定为发展对象"),
    POLITICAL_REVIEW("political-review", "政治审查"),
    TRAINING("training", "短期集中培训"),
    NOTICE("notice", "发展对象公示"),
    PRE_REVIEW("pre-review", "预审"),
    ADMISSION("admission", "支部大会讨论接收预备党员"),
    APPROVAL("approval", "上级党委审批（接收预备党员）"),
    EXTENSION("extension", "延长预备期"),
    CONVERSION("conversion", "支部大会讨论转正"),
    CONVERSION_APPROVAL("conversion-approval", "上级党委审批转正"),
    CANCEL("cancel", "取消发展");

    private final String key;
    private final String label;

    DevelopmentStep(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<DevelopmentStep> ofKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
