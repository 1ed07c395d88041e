package org.zugong.cadre;

/**
 * 奖惩 entries of the cadre file. Every kind but 奖励 is a measure with a period of effect that blocks
 * promotion while it runs (职级规定 Art.21) and feeds the warnings.
 */
public enum CadreRecordKind {
    奖励(null),
    诫勉(RankRestriction.Kind.诫勉),
    组织处理(RankRestriction.Kind.组织处理),
    党纪处分(RankRestriction.Kind.处分),
    政务处分(RankRestriction.Kind.处分),
    立案审查(RankRestriction.Kind.立案审查);

    private final RankRestriction.Kind restriction;

    CadreRecordKind(RankRestriction.Kind restriction) {
        this.restriction = restriction;
    }

    /** The promotion restriction this measure imposes, or null for a reward. */
    public RankRestriction.Kind restriction() {
        return restriction;
    }

    public boolean isMeasure() {
        return restriction != null;
    }
}
