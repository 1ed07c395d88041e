package org.zugong.cadre;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.organization.OrganizationSummary;
import org.zugong.organization.Organizations;
import org.zugong.platform.codes.CodeTables;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;

/**
 * 班子结构分析 (F16). A unit's leadership team is the set of persons whose <em>current</em> post in
 * that unit is a leading one (cadre_post.org_id = unit, end_date null, post_level set); a person
 * with several such posts counts once, with the highest. The team's level is the tier of its highest
 * post, and it chooses the 年轻干部 age line of {@link TeamRules}.
 * <p>
 * Jurisdiction: the unit must be visible (404 and audited otherwise). The members are shown with the
 * unit even when a member's own file is kept elsewhere (e.g. a concurrent post): the team is a fact
 * of the unit the caller administers.
 */
@Service
@Transactional(readOnly = true)
class TeamAnalysis {

    /** Age bands of the structure table, upper bound included; the last is open. */
    static final List<String> AGE_BANDS = List.of("35岁及以下", "36—45岁", "46—50岁", "51—55岁", "56岁及以上");

    private final CadreReportRepository repository;
    private final CadreScope scope;
    private final Organizations organizations;
    private final CodeTables codes;
    private final TeamRules rules = TeamRules.load();

    TeamAnalysis(CadreReportRepository repository, CadreScope scope, Organizations organizations, CodeTables codes) {
        this.repository = repository;
        this.scope = scope;
        this.organizations = organizations;
        this.codes = codes;
    }

    TeamRules rules() {
        return rules;
    }

    TeamStructure analyse(long orgId) {
        return analyse(orgId, LocalDate.now());
    }

    TeamStructure analyse(long orgId, LocalDate today) {
        OrganizationSummary org = organizations.requireVisible(orgId);
        List<CadreReportRepository.MemberRow> rows = repository.teamMembers(orgId);
        String level = rows.stream().map(r -> r.level()).min(Enum::compareTo).map(TeamRules::tier).orElse(null);
        Integer youngAge = level == null ? null : rules.youngAge(level);
        List<TeamMember> members = new ArrayList<>();
        for (var r : rows) {
            int age = Period.between(r.birthDate(), today).getYears();
            members.add(new TeamMember(r.personId(), r.name(), r.title(), r.level(), r.postStart(), r.sex(),
                    codes.sex().shortName(r.sex()), r.birthDate(), age, r.ethnicity(), codes.ethnicity().name(r.ethnicity()),
                    r.education(), codes.education().name(r.education()), r.politicalStatus(),
                    codes.politicalStatus().shortName(r.politicalStatus()), r.specialty(),
                    duration(r.postStart(), today), youngAge != null && age <= youngAge));
        }
        Map<String, Integer> bands = new LinkedHashMap<>();
        AGE_BANDS.forEach(b -> bands.put(b, 0));
        members.forEach(m -> bands.merge(band(m.age()), 1, Integer::sum));
        Double average = members.isEmpty() ? null
                : Math.round(members.stream().mapToInt(TeamMember::age).average().orElse(0) * 10) / 10.0;
        int women = count(members, TeamMember::woman);
        int nonParty = count(members, TeamMember::nonParty);
        int young = count(members, TeamMember::young);
        return new TeamStructure(org.id(), org.name(), level, youngAge, List.copyOf(members), average, bands, women, nonParty,
                count(members, TeamMember::minority), young, count(members, TeamMember::graduate),
                count(members, TeamMember::undergraduate), count(members, TeamMember::college),
                rules.gaps(members.size(), level, women, young, nonParty), rules.ruleSet());
    }

    /** A unit whose team has gaps, for the list. */
    record TeamGapRow(long orgId, String orgName, int members, String level, int women, int nonParty, int youngestAge,
                      List<TeamRules.Gap> gaps) {

        public String gapText() {
            return String.join("；", gaps.stream().map(TeamRules.Gap::message).toList());
        }
    }

    /** The teams with gaps in the subtree of {@code orgId} (or the whole jurisdiction), in tree order. */
    PageResult<TeamGapRow> teamsWithGaps(Long orgId, PageRequest page) {
        return teamsWithGaps(orgId, page, LocalDate.now());
    }

    PageResult<TeamGapRow> teamsWithGaps(Long orgId, PageRequest page, LocalDate today) {
        String subtree = orgId == null ? null : organizations.requireVisible(orgId).path();
        List<LocalDate> cutoffs = new ArrayList<>();
        for (RankLeadingPost level : RankLeadingPost.values()) {
            // young: age in full years <= line, i.e. born after today minus (line + 1) years
            cutoffs.add(today.minusYears(rules.youngAge(TeamRules.tier(level)) + 1L));
        }
        var filter = new CadreReportRepository.GapFilter(scope.organizations(), subtree,
                rules.rule(TeamRules.Expectation.WOMAN).minMembers(), rules.rule(TeamRules.Expectation.YOUNG).minMembers(),
                rules.rule(TeamRules.Expectation.NON_PARTY).minMembers(), cutoffs);
        List<TeamGapRow> rows = repository.teamsWithGaps(filter, page.offset(), page.size()).stream().map(t -> {
            String level = TeamRules.tier(t.topLevel());
            int youngestAge = Period.between(t.youngestBirth(), today).getYears();
            int young = youngestAge <= rules.youngAge(level) ? 1 : 0;
            return new TeamGapRow(t.orgId(), t.orgName(), t.members(), level, t.women(), t.nonParty(), youngestAge,
                    rules.gaps(t.members(), level, t.women(), young, t.nonParty()));
        }).toList();
        long total = page.number() == 0 && rows.size() < page.size() ? rows.size() : repository.countTeamsWithGaps(filter);
        return PageResult.of(rows, page, total);
    }

    static String band(int age) {
        if (age <= 35) {
            return AGE_BANDS.get(0);
        } else if (age <= 45) {
            return AGE_BANDS.get(1);
        } else if (age <= 50) {
            return AGE_BANDS.get(2);
        } else if (age <= 55) {
            return AGE_BANDS.get(3);
        }
        return AGE_BANDS.get(4);
    }

    static String duration(LocalDate start, LocalDate today) {
        if (start == null || start.isAfter(today)) {
            return "";
        }
        Period p = Period.between(start, today);
        if (p.getYears() == 0 && p.getMonths() == 0) {
            return "不足1个月";
        }
        return (p.getYears() > 0 ? p.getYears() + "年" : "") + (p.getMonths() > 0 ? p.getMonths() + "个月" : "");
    }

    private static int count(List<TeamMember> members, java.util.function.Predicate<TeamMember> test) {
        return (int) members.stream().filter(test).count();
    }
}
