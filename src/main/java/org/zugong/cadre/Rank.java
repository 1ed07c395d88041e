package org.zugong.cadre;

/**
 * 综合管理类公务员职级 (公务员职务与职级并行规定 2019), highest first, each with its 级别 range.
 */
public enum Rank implements RankPosition {

    一级巡视员(13, 8),
    二级巡视员(15, 10),
    一级调研员(17, 11),
    二级调研员(18, 12),
    三级调研员(19, 13),
    四级调研员(20, 14),
    一级主任科员(21, 15),
    二级主任科员(22, 16),
    三级主任科员(23, 17),
    四级主任科员(24, 18),
    一级科员(26, 18),
    二级科员(27, 19);

    private final int lowestGrade;
    private final int highestGrade;

    Rank(int lowestGrade, int highestGrade) {
        this.lowestGrade = lowestGrade;
        this.highestGrade = highestGrade;
    }

    @Override
    public String chineseName() {
        return name();
    }

    /** The lowest 级别 of the rank (the larger number, e.g. 27 for 二级科员). */
    public int lowestGrade() {
        return lowestGrade;
    }

    /** The highest 级别 of the rank (the smaller number, e.g. 19 for 二级科员). */
    public int highestGrade() {
        return highestGrade;
    }
}
