package org.zugong.recruitment;

import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.zugong.person.PersonDetailTab;
import org.zugong.person.PersonSummary;
import org.zugong.person.Persons;
import org.zugong.platform.security.Permissions;

/**
 * The 发展党员 tab on the person page: the person's development records, and — for a 群众 or 共青团员 without an open
 * record — the registration of their 入党申请 with one of their own unit's 党支部. Starting from the person (found
 * by the person search) is how a branch registers an applicant without knowing any ids.
 */
@Controller
class RecruitmentPersonTab {

    private final DevelopmentRecords records;
    private final Persons persons;

    RecruitmentPersonTab(DevelopmentRecords records, Persons persons) {
        this.records = records;
        this.persons = persons;
    }

    @Bean
    static PersonDetailTab recruitmentTab() {
        return new PersonDetailTab("recruitment", "发展党员", "/recruitment/person-tab/{id}", Permissions.RECRUITMENT_READ, 40);
    }

    @GetMapping("/recruitment/person-tab/{personId}")
    @PreAuthorize("hasAuthority('recruitment:read')")
    String tab(@PathVariable long personId, Model model) {
        PersonSummary person = persons.requireVisible(personId);
        var lines = records.ofPerson(personId);
        boolean member = DevelopmentRecords.PARTY_MEMBER.equals(person.politicalStatus())
                || DevelopmentRecords.PROBATIONARY_MEMBER.equals(person.politicalStatus());
        boolean open = lines.stream().anyMatch(l -> l.stage() != CandidateStage.FULL_MEMBER && l.stage() != CandidateStage.CANCELLED);
        model.addAttribute("person", person);
        model.addAttribute("lines", lines);
        model.addAttribute("canRegister", !member && !open);
        model.addAttribute("branches", !member && !open ? records.branchesFor(personId) : java.util.List.of());
        return "recruitment/person-tab :: tab";
    }
}
