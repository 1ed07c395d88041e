package org.zugong.supervision;

/** Where a 函询 (待回复 → 已办结) or a 信访 (受理 → 调查中 → 已办结) stands; 提醒谈话 has none. */
public enum SupervisionStatus {
    PENDING("待回复"),
    RECEIVED("受理"),
    INVESTIGATING("调查中"),
    RESOLVED("已办结");

    private final String chineseName;

    SupervisionStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    public boolean open() {
        return this != RESOLVED;
    }
}
