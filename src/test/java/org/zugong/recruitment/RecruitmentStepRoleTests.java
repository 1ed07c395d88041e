package org.zugong.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zugong.IntegrationTest;
import org.zugong.platform.security.Actor;
import org.zugong.platform.security.DataScope;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.security.ScopeGrant;

/** Issue 6 item 9: the branch enters its steps, the Party committee approves, the county department pre-reviews. */
class RecruitmentStepRoleTests extends IntegrationTest {

    @Autowired
    DevelopmentRecords records;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void eachStepNeedsThePermissionOfTheBodyThatTakesIt() {
        assertThat(DevelopmentRecords.permissionFor(DevelopmentStep.TALK, null)).isEqualTo(Permissions.RECRUITMENT_WRITE);
        assertThat(DevelopmentRecords.permissionFor(DevelopmentStep.ADMISSION, null)).isEqualTo(Permissions.RECRUITMENT_WRITE);
        assertThat(DevelopmentRecords.permissionFor(DevelopmentStep.APPROVAL, null)).isEqualTo(Permissions.RECRUITMENT_APPROVE);
        assertThat(DevelopmentRecords.permissionFor(DevelopmentStep.CONVERSION_APPROVAL, null)).isEqualTo(Permissions.RECRUITMENT_APPROVE);
        assertThat(DevelopmentRecords.permissionFor(DevelopmentStep.EXTENSION, null)).isEqualTo(Permissions.RECRUITMENT_APPROVE);
        assertThat(DevelopmentRecords.permissionFor(DevelopmentStep.PRE_REVIEW, preReview(Timeline.PreReviewLevel.PARTY_COMMITTEE)))
                .isEqualTo(Permissions.RECRUITMENT_APPROVE);
        assertThat(DevelopmentRecords.permissionFor(DevelopmentStep.PRE_REVIEW, preReview(Timeline.PreReviewLevel.COUNTY_DEPARTMENT)))
                .isEqualTo(Permissions.RECRUITMENT_PREREVIEW);
    }

    private static StepForm preReview(Timeline.PreReviewLevel level) {
        return new StepForm(java.time.LocalDate.of(2024, 1, 2), true, null, null, null, null, level, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    @Test
    void aBranchClerkCannotApproveAnAdmission() {
        long candidate = jdbc.sql("SELECT id FROM recruitment_candidate WHERE created_by = 'demo' ORDER BY id LIMIT 1").query(Long.class).single();
        actAs(new Actor(99, "branch-clerk", "支部组织委员", 1, "某党支部", null,
                Set.of(Permissions.RECRUITMENT_READ, Permissions.RECRUITMENT_WRITE), List.of(new ScopeGrant(DataScope.ALL, Set.of()))));
        assertThatThrownBy(() -> records.step(candidate, DevelopmentStep.APPROVAL, null))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("党委审批");
        assertThatThrownBy(() -> records.step(candidate, DevelopmentStep.CONVERSION_APPROVAL, null))
                .isInstanceOf(AccessDeniedException.class);
    }
}
