package org.zugong.recruitment;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/recruitment/calendar}: what falls due in the development records (F43). */
@RestController
@RequestMapping("/api/v1/recruitment/calendar")
class RecruitmentCalendarApi {

    private final RecruitmentCalendar calendar;

    RecruitmentCalendarApi(RecruitmentCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('recruitment:read')")
    RecruitmentCalendar.Calendar calendar(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer days) {
        return calendar.calendar(orgId, days);
    }
}
