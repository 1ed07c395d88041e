package org.zugong.talent;

/** The answer of a public verification, with its Chinese message; {@code failure}: counted against the client's failure limit. */
enum CardVerificationResult {
    VALID("有效", "英才卡有效", false),
    UNKNOWN("无此卡", "查无此卡，请核对卡号", true),
    LOST("挂失", "该卡已挂失，不能使用", false),
    CANCELLED("注销", "该卡已注销，不能使用", false),
    EXPIRED("到期", "该卡已过有效期，不能使用", false),
    FORGED("伪造/无效", "二维码签名无效，该卡可能系伪造，请核对实体卡或联系人才工作机构", true),
    MALFORMED("卡号格式错误", "卡号格式错误（应为 YC 加 13 位，末位为校验码），请核对后重新输入", true),
    THROTTLED("查验过于频繁", "查验过于频繁，请稍后再试", false);

    private final String label;
    private final String message;
    private final boolean failure;

    CardVerificationResult(String label, String message, boolean failure) {
        this.label = label;
        this.message = message;
        this.failure = failure;
    }

    public String label() {
        return label;
    }

    public String message() {
        return message;
    }

    boolean failure() {
        return failure;
    }

    static CardVerificationResult of(TalentCardStatus status) {
        return switch (status) {
            case ACTIVE -> VALID;
            case LOST -> LOST;
            case CANCELLED -> CANCELLED;
            case EXPIRED -> EXPIRED;
        };
    }
}
