package org.zugong.recruitment;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/recruitment}: the development checker over a timeline sent by the caller (nothing stored). */
@RestController
@RequestMapping("/api/v1/recruitment")
class RecruitmentApi {

    private final DevelopmentChecker checker;

    RecruitmentApi(DevelopmentChecker checker) {
        this.checker = checker;
    }

    @PostMapping("/check")
    @PreAuthorize("hasAuthority('recruitment:read')")
    CheckResult check(@RequestBody Timeline timeline) {
        return checker.check(timeline);
    }
}
