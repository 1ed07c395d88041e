package org.zugong.cadre;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;

/** {@code /api/v1/cadres}: the retirement list (F15) and the team structure (F16), within jurisdiction. */
@RestController
@RequestMapping("/api/v1/cadres")
class CadreReportApi {

    /** A cadre reaching retirement; months as {@code yyyy-MM}. */
    record RetirementJson(long personId, String name, String sex, String birthMonth, long orgId, String orgName,
                          String currentPost, String retirementGroup, String retirementMonth, String retirementText,
                          String ageAtRetirement, int delayMonths, String ruleSet) {
        static RetirementJson of(RetirementRow r) {
            RetirementDate d = r.retirement();
            return new RetirementJson(r.personId(), r.name(), r.sexName(), r.birthDate().toString().substring(0, 7), r.orgId(),
                    r.orgName(), r.currentPost(), r.group().name(), d.retirementMonth().toString(), d.description(),
                    d.ageText(), d.delayMonths(), d.ruleSet());
        }
    }

    record MemberJson(long personId, String name, String postTitle, String postLevel, LocalDate postStart, String sex,
                      LocalDate birthDate, int age, String ethnicity, String education, String politicalStatus,
                      String specialty, String yearsInPost, boolean young) {
        static MemberJson of(TeamMember m) {
            return new MemberJson(m.personId(), m.name(), m.postTitle(), m.postLevel().name(), m.postStart(), m.sexName(),
                    m.birthDate(), m.age(), m.ethnicityName(), m.educationName(), m.politicalStatusName(), m.specialty(),
                    m.yearsInPost(), m.young());
        }
    }

    record GapJson(String expectation, String message, String rule) {
        static GapJson of(TeamRules.Gap g) {
            return new GapJson(g.expectation().name(), g.message(), g.rule());
        }
    }

    record TeamJson(long orgId, String orgName, String level, Integer youngAge, int memberCount, Double averageAge,
                    Map<String, Integer> ageBands, int women, int nonParty, int minority, int young, int graduate,
                    int undergraduate, int college, List<GapJson> gaps, String ruleSet, List<MemberJson> members) {
        static TeamJson of(TeamStructure t) {
            return new TeamJson(t.orgId(), t.orgName(), t.level(), t.youngAge(), t.size(), t.averageAge(), t.ageBands(),
                    t.women(), t.nonParty(), t.minority(), t.young(), t.graduate(), t.undergraduate(), t.college(),
                    t.gaps().stream().map(GapJson::of).toList(), t.ruleSet(), t.members().stream().map(MemberJson::of).toList());
        }
    }

    record TeamGapJson(long orgId, String orgName, int memberCount, String level, int women, int nonParty,
                       int youngestAge, List<GapJson> gaps) {
    }

    private final RetirementList retirements;
    private final TeamAnalysis teams;

    CadreReportApi(RetirementList retirements, TeamAnalysis teams) {
        this.retirements = retirements;
        this.teams = teams;
    }

    @GetMapping("/retirements")
    @PreAuthorize("hasAuthority('cadre:read')")
    PageResult<RetirementJson> retirements(@RequestParam(required = false) String window,
                                           @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to,
                                           @RequestParam(required = false) Long orgId,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        return retirements.search(new RetirementCriteria(window, from, to, orgId), PageRequest.of(page, size))
                .map(RetirementJson::of);
    }

    @GetMapping("/teams/{orgId}")
    @PreAuthorize("hasAuthority('cadre:read')")
    TeamJson team(@PathVariable long orgId) {
        return TeamJson.of(teams.analyse(orgId));
    }

    @GetMapping("/teams")
    @PreAuthorize("hasAuthority('cadre:read')")
    PageResult<TeamGapJson> teamsWithGaps(@RequestParam(required = false) Long orgId,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        return teams.teamsWithGaps(orgId, PageRequest.of(page, size))
                .map(t -> new TeamGapJson(t.orgId(), t.orgName(), t.members(), t.level(), t.women(), t.nonParty(),
                        t.youngestAge(), t.gaps().stream().map(GapJson::of).toList()));
    }
}
