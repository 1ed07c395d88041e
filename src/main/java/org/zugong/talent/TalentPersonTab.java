package org.zugong.talent;

import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.zugong.person.PersonDetailTab;
import org.zugong.person.Persons;
import org.zugong.platform.security.Permissions;

/** The 人才 tab on the person page: the person's registry record, or — for talent:write — the way to register them. */
@Controller
class TalentPersonTab {

    private final TalentRegistry registry;
    private final Persons persons;

    TalentPersonTab(TalentRegistry registry, Persons persons) {
        this.registry = registry;
        this.persons = persons;
    }

    @Bean
    static PersonDetailTab talentTab() {
        return new PersonDetailTab("talent", "人才", "/talents/person-tab/{id}", Permissions.TALENT_READ, 60);
    }

    @GetMapping("/talents/person-tab/{personId}")
    @PreAuthorize("hasAuthority('talent:read')")
    String tab(@PathVariable long personId, Model model) {
        model.addAttribute("person", persons.requireVisible(personId));
        model.addAttribute("talent", registry.ofPerson(personId).orElse(null));
        return "talent/person-tab :: tab";
    }
}
