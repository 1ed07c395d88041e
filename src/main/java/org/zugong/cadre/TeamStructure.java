package org.zugong.cadre;

import java.util.List;
import java.util.Map;

/**
 * 班子结构 of one unit: its members and the figures the department reads — size, average age, age
 * bands, women, non-CPC, minority, young (by the line of the team's level), education — with the
 * gaps against the rule set.
 *
 * @param level        the team's level: tier of the highest current leading post (null without members)
 * @param youngAge     the 年轻干部 age line used (null without members)
 * @param ageBands     member count per band, in band order
 */
public record TeamStructure(long orgId, String orgName, String level, Integer youngAge, List<TeamMember> members,
                            Double averageAge, Map<String, Integer> ageBands, int women, int nonParty, int minority,
                            int young, int graduate, int undergraduate, int college, List<TeamRules.Gap> gaps,
                            String ruleSet) {

    public int size() {
        return members.size();
    }

    public boolean hasGaps() {
        return !gaps.isEmpty();
    }
}
