package org.zugong.cadre;

/**
 * 领导职务层次 (公务员职务与职级并行规定 2019): 国家级 … 乡科级, each 正职 and 副职. Only the posts named in
 * Art.18 (厅局级副职, 县处级正职/副职, 乡科级正职/副职) lead to a rank promotion in the rule table.
 */
public enum RankLeadingPost implements RankPosition {

    国家级正职,
    国家级副职,
    省部级正职,
    省部级副职,
    厅局级正职,
    厅局级副职,
    县处级正职,
    县处级副职,
    乡科级正职,
    乡科级副职;

    @Override
    public String chineseName() {
        return name();
    }
}
