package org.zugong.recruitment;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 发展日程 page (F43). */
@Controller
@RequestMapping("/recruitment/calendar")
class RecruitmentCalendarPages {

    private final RecruitmentCalendar calendar;

    RecruitmentCalendarPages(RecruitmentCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('recruitment:read')")
    String page(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer days, Model model) {
        model.addAttribute("calendar", calendar.calendar(orgId, days));
        model.addAttribute("orgId", orgId);
        return "recruitment/calendar";
    }
}
