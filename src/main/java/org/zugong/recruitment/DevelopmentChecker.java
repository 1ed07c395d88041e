package org.zugong.recruitment;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntBiFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.zugong.platform.calendar.WorkCalendar;
import org.zugong.platform.web.FieldErrors;
import org.zugong.recruitment.CheckResult.Violation;
import org.zugong.recruitment.Timeline.Meeting;
import org.zugong.recruitment.Timeline.PreReview;
import org.zugong.recruitment.Timeline.PreReviewLevel;

/**
 * The one check of a development timeline against the 发展党员工作细则 (issue 6 item 4), used by the API,
 * the transitions and the audit. Pure: no clock — a step not reached is never late; only a step reached
 * is tested, and a later step reached makes a missing earlier one a violation.
 *
 * <p>Definitions (java.time):
 * <ul>
 * <li>Age (Art.5): {@code Period.between(birthDate, applicationDate).getYears() >= 18}. Someone born on
 * 2004-02-29 is 17 on 2022-02-28 and 18 from 2022-03-01 (Period counts the month of February 2022 as not
 * yet complete on the 28th).</li>
 * <li>"Within n months of D" means on or before {@code D.plusMonths(n)} (month ends clamp: 01-31 + 1 month
 * = 02-28, or 02-29 in a leap year). "At least n years from D" means on or after {@code D.plusYears(n)}.</li>
 * <li>Probation (Art.32) starts on the day of the admission meeting D and lasts {@code 12·years + extension}
 * months: it is complete on {@code E = D.plusMonths(12 + ext)}, the anniversary, so {@code probationEnd =
 * E − 1 day} is its last day and {@code fullMemberFrom = E} (党龄 from the end of probation, Art.34) — an
 * admission on 2023-07-01 gives full membership from 2024-07-01. An admission on 2024-02-29 ends its
 * probation on 2025-02-27 and counts 党龄 from 2025-02-28 (plusMonths clamps to the month's end). The
 * conversion meeting may be held from {@code fullMemberFrom} on (on {@code probationEnd} it is one day
 * early); its approval is due within 3 months of {@code probationEnd}.</li>
 * <li>Meetings: quorum when {@code 2·present > dueVoters}; passed when {@code 2·(votesFor + writtenFor) >
 * dueVoters} — exactly half is refused. Applied to the admission and the conversion meeting.</li>
 * <li>Political review, training and pre-reviews must be on or before the day of the admission meeting.</li>
 * </ul>
 */
@Component
public class DevelopmentChecker {

    private final ToIntBiFunction<LocalDate, LocalDate> workingDays;
    private final Map<String, RecruitmentRuleSet> ruleSets = new ConcurrentHashMap<>();

    @Autowired
    public DevelopmentChecker(WorkCalendar calendar) {
        this(calendar::count);
    }

    /** A checker counting working days with the given function (both days included). */
    public DevelopmentChecker(ToIntBiFunction<LocalDate, LocalDate> workingDays) {
        this.workingDays = workingDays;
    }

    /** The rule set of an edition ({@code 2014} when null); a 400 (FieldErrors) when there is none. */
    public RecruitmentRuleSet ruleSet(String edition) {
        String e = edition == null || edition.isBlank() ? RecruitmentRuleSet.DEFAULT_EDITION : edition.strip();
        RecruitmentRuleSet found = ruleSets.get(e);
        if (found == null) {
            found = RecruitmentRuleSet.load(e).orElseThrow(() -> FieldErrors.of("ruleSet",
                    "未知的发展党员规则版本：" + e + "（可用版本：" + RecruitmentRuleSet.DEFAULT_EDITION + "，即细则2014）"));
            ruleSets.put(e, found);
        }
        return found;
    }

    /** Checks a timeline; a malformed one (negative numbers, more present than due, …) is a FieldErrors. */
    public CheckResult check(Timeline t) {
        RecruitmentRuleSet rules = ruleSet(t.ruleSet());
        validate(t);
        Check c = new Check(rules);
        order(t, c);
        age(t, rules, c);
        talk(t, rules, c);
        activist(t, rules, c);
        Meeting admission = t.admissionMeeting();
        if (admission != null) {
            admissionPrerequisites(t, rules, c, admission.date());
        }
        introducerStatus(t, c);
        notice(t, rules, c);
        if (admission != null) {
            meeting("接收预备党员的支部大会", admission, c);
            int within = t.specialApproval() ? rules.approvalSpecialWithinMonths() : rules.approvalWithinMonths();
            if (t.approvalDate() != null && t.approvalDate().isAfter(admission.date().plusMonths(within))) {
                c.add(DevelopmentRule.APPROVAL_LATE, "上级党委审批（" + t.approvalDate() + "）超过支部大会通过接收决议（"
                        + admission.date() + "）后" + cn(within) + "个月" + (t.specialApproval() ? "（特殊情况的最长期限）"
                        : "；特殊情况须注明原因，最长" + cn(rules.approvalSpecialWithinMonths()) + "个月"));
            }
        }
        extensions(t, rules, c);
        LocalDate probationEnd = null;
        LocalDate fullMemberFrom = null;
        if (admission != null) {
            int extension = t.probationExtensions().stream().mapToInt(Timeline.Extension::months).sum();
            LocalDate complete = admission.date().plusMonths(12L * rules.probationYears() + extension);
            probationEnd = complete.minusDays(1);
            conversion(t, rules, c, probationEnd);
            if (t.conversionApprovalDate() != null) {
                fullMemberFrom = complete;
            }
        }
        return new CheckResult(rules.name(), c.violations, probationEnd, fullMemberFrom);
    }

    private static void order(Timeline t, Check c) {
        before(c, "递交入党申请书", t.applicationDate(), "党组织派人谈话", t.talkDate());
        before(c, "递交入党申请书", t.applicationDate(), "确定为入党积极分子", t.activistDate());
        before(c, "确定为入党积极分子", t.activistDate(), "确定为发展对象", t.developmentTargetDate());
        LocalDate admission = t.admissionMeeting() == null ? null : t.admissionMeeting().date();
        before(c, "确定为发展对象", t.developmentTargetDate(), "支部大会讨论接收", admission);
        before(c, "支部大会讨论接收", admission, "上级党委审批", t.approvalDate());
        LocalDate conversion = t.conversionMeeting() == null ? null : t.conversionMeeting().date();
        before(c, "支部大会讨论接收", admission, "支部大会讨论转正", conversion);
        before(c, "支部大会讨论转正", conversion, "上级党委审批转正", t.conversionApprovalDate());
        for (LocalDate assessment : t.activistAssessments()) {
            if (t.activistDate() != null && assessment.isBefore(t.activistDate())) {
                c.add(DevelopmentRule.ORDER_INVALID, "入党积极分子考察（" + assessment + "）早于确定为入党积极分子（" + t.activistDate() + "）");
            }
        }
    }

    /** A later step reached needs the earlier one, on or before its day. */
    private static void before(Check c, String earlierName, LocalDate earlier, String laterName, LocalDate later) {
        if (later == null) {
            return;
        }
        if (earlier == null) {
            c.add(DevelopmentRule.ORDER_INVALID, "已有" + laterName + "（" + later + "），但缺少" + earlierName + "的日期");
        } else if (later.isBefore(earlier)) {
            c.add(DevelopmentRule.ORDER_INVALID, laterName + "（" + later + "）早于" + earlierName + "（" + earlier + "）");
        }
    }

    private static void age(Timeline t, RecruitmentRuleSet rules, Check c) {
        if (t.birthDate() != null && t.applicationDate() != null
                && Period.between(t.birthDate(), t.applicationDate()).getYears() < rules.minAgeYears()) {
            c.add(DevelopmentRule.AGE_UNDER_18, "递交入党申请书（" + t.applicationDate() + "）时未满" + cn(rules.minAgeYears())
                    + "周岁（出生日期 " + t.birthDate() + "）");
        }
    }

    private static void talk(Timeline t, RecruitmentRuleSet rules, Check c) {
        if (t.applicationDate() == null) {
            return;
        }
        LocalDate due = t.applicationDate().plusMonths(rules.talkWithinMonths());
        if (t.talkDate() != null) {
            if (t.talkDate().isAfter(due)) {
                c.add(DevelopmentRule.TALK_LATE, "收到入党申请书（" + t.applicationDate() + "）后" + cn(rules.talkWithinMonths())
                        + "个月内（至 " + due + "）应派人谈话，实际谈话于 " + t.talkDate());
            }
        } else if (t.activistDate() != null || t.developmentTargetDate() != null || t.admissionMeeting() != null) {
            c.add(DevelopmentRule.TALK_LATE, "收到入党申请书（" + t.applicationDate() + "）后" + cn(rules.talkWithinMonths())
                    + "个月内（至 " + due + "）应派人谈话，但已进入后续程序仍无谈话记录");
        }
    }

    private static void activist(Timeline t, RecruitmentRuleSet rules, Check c) {
        if (t.activistDate() == null) {
            return;
        }
        List<LocalDate> points = new ArrayList<>();
        points.add(t.activistDate());
        t.activistAssessments().stream().sorted().forEach(points::add);
        if (t.developmentTargetDate() != null) {
            points.add(t.developmentTargetDate());
        }
        for (int i = 1; i < points.size(); i++) {
            LocalDate from = points.get(i - 1);
            LocalDate to = points.get(i);
            if (to.isAfter(from.plusMonths(rules.assessmentIntervalMonths()))) {
                c.add(DevelopmentRule.ACTIVIST_ASSESSMENT_GAP, "入党积极分子考察间隔超过" + cn(rules.assessmentIntervalMonths())
                        + "个月：" + from + " 至 " + to);
            }
        }
        if (t.developmentTargetDate() != null
                && t.developmentTargetDate().isBefore(t.activistDate().plusYears(rules.activistMinYears()))) {
            c.add(DevelopmentRule.ACTIVIST_LESS_THAN_ONE_YEAR, "确定为入党积极分子（" + t.activistDate() + "）至确定为发展对象（"
                    + t.developmentTargetDate() + "）不满" + cn(rules.activistMinYears()) + "年");
        }
    }

    private static void admissionPrerequisites(Timeline t, RecruitmentRuleSet rules, Check c, LocalDate admission) {
        if (t.introducers().size() != rules.introducerCount()) {
            c.add(DevelopmentRule.INTRODUCER_COUNT, "支部大会讨论接收（" + admission + "）时入党介绍人应为" + cn(rules.introducerCount())
                    + "名正式党员，实有" + t.introducers().size() + "名");
        }
        var review = t.politicalReview();
        if (review == null || review.date() == null) {
            c.add(DevelopmentRule.POLITICAL_REVIEW_MISSING, "支部大会讨论接收（" + admission + "）前没有政治审查结论");
        } else if (!Boolean.TRUE.equals(review.passed())) {
            c.add(DevelopmentRule.POLITICAL_REVIEW_MISSING, "政治审查（" + review.date() + "）不合格，不能发展入党（支部大会 " + admission + "）");
        } else if (review.date().isAfter(admission)) {
            c.add(DevelopmentRule.POLITICAL_REVIEW_MISSING, "政治审查结论（" + review.date() + "）晚于支部大会讨论接收（" + admission + "）");
        }
        var training = t.training();
        int days = training == null || training.days() == null ? 0 : training.days();
        int hours = training == null || training.hours() == null ? 0 : training.hours();
        if (days < rules.trainingMinDays() && hours < rules.trainingMinHours()) {
            c.add(DevelopmentRule.TRAINING_INSUFFICIENT, "支部大会讨论接收（" + admission + "）前集中培训" + days + "天、" + hours
                    + "学时，不足" + cn(rules.trainingMinDays()) + "天且不足" + rules.trainingMinHours() + "学时");
        }
        if (t.publicNotice() == null) {
            c.add(DevelopmentRule.PUBLIC_NOTICE_SHORT, "支部大会讨论接收（" + admission + "）前没有发展对象公示");
        }
        for (PreReviewLevel level : rules.requiredPreReviews()) {
            String name = level == PreReviewLevel.PARTY_COMMITTEE ? "上级党委预审" : "县级党委组织部门预审";
            List<PreReview> ofLevel = t.preReviews().stream().filter(p -> p.level() == level).toList();
            boolean ok = ofLevel.stream().anyMatch(p -> Boolean.TRUE.equals(p.passed()) && !p.date().isAfter(admission));
            if (ok) {
                continue;
            }
            if (ofLevel.isEmpty()) {
                c.add(DevelopmentRule.PRE_REVIEW_MISSING, "支部大会讨论接收（" + admission + "）前缺少" + name);
            } else {
                PreReview last = ofLevel.getLast();
                c.add(DevelopmentRule.PRE_REVIEW_MISSING, Boolean.TRUE.equals(last.passed())
                        ? name + "（" + last.date() + "）晚于支部大会讨论接收（" + admission + "）"
                        : name + "（" + last.date() + "）未通过，不能提交支部大会讨论（" + admission + "）");
            }
        }
    }

    private static void introducerStatus(Timeline t, Check c) {
        for (int i = 0; i < t.introducers().size(); i++) {
            String status = switch (t.introducers().get(i).status()) {
                case FULL -> null;
                case PROBATIONARY -> "是预备党员";
                case UNDER_PROBATION_SANCTION -> "受留党察看处分、尚未恢复党员权利";
            };
            if (status != null) {
                c.add(DevelopmentRule.INTRODUCER_NOT_FULL_MEMBER, "第" + (i + 1) + "名入党介绍人" + status + "，不能作入党介绍人");
            }
        }
    }

    private void notice(Timeline t, RecruitmentRuleSet rules, Check c) {
        var notice = t.publicNotice();
        if (notice == null) {
            return;
        }
        int days = workingDays.applyAsInt(notice.start(), notice.end());
        if (days < rules.publicNoticeWorkingDays()) {
            c.add(DevelopmentRule.PUBLIC_NOTICE_SHORT, "发展对象公示（" + notice.start() + " 至 " + notice.end() + "）仅" + days
                    + "个工作日，不足" + cn(rules.publicNoticeWorkingDays()) + "个工作日");
        }
        if (t.admissionMeeting() != null && !notice.end().isBefore(t.admissionMeeting().date())) {
            c.add(DevelopmentRule.ORDER_INVALID, "发展对象公示（至 " + notice.end() + "）未在支部大会讨论接收（"
                    + t.admissionMeeting().date() + "）前结束");
        }
    }

    private static void meeting(String name, Meeting m, Check c) {
        if (m.present() * 2 <= m.dueVoters()) {
            c.add(DevelopmentRule.QUORUM_NOT_MET, name + "（" + m.date() + "）有表决权的到会人数" + m.present()
                    + "人，未超过应到会有表决权人数" + m.dueVoters() + "人的半数");
        }
        int votes = m.votesFor() + (m.writtenFor() == null ? 0 : m.writtenFor());
        if (votes * 2 <= m.dueVoters()) {
            c.add(DevelopmentRule.VOTE_NOT_PASSED, name + "（" + m.date() + "）赞成" + votes + "票（含书面意见"
                    + (m.writtenFor() == null ? 0 : m.writtenFor()) + "票），未超过应到会有表决权正式党员" + m.dueVoters() + "人的半数");
        }
    }

    private static void extensions(Timeline t, RecruitmentRuleSet rules, Check c) {
        if (t.probationExtensions().size() > rules.extensionMaxCount()) {
            c.add(DevelopmentRule.PROBATION_EXTENSION_INVALID, "预备期延长了" + t.probationExtensions().size() + "次，最多只能延长"
                    + cn(rules.extensionMaxCount()) + "次");
        }
        for (var extension : t.probationExtensions()) {
            if (extension.months() < rules.extensionMinMonths() || extension.months() > rules.extensionMaxMonths()) {
                c.add(DevelopmentRule.PROBATION_EXTENSION_INVALID, "预备期延长" + extension.months() + "个月，应不少于"
                        + cn(rules.extensionMinMonths()) + "个月、不超过" + cn(rules.extensionMaxMonths()) + "个月");
            }
        }
    }

    private static void conversion(Timeline t, RecruitmentRuleSet rules, Check c, LocalDate probationEnd) {
        Meeting m = t.conversionMeeting();
        if (m != null) {
            if (!m.date().isAfter(probationEnd)) {
                c.add(DevelopmentRule.CONVERSION_EARLY, "支部大会讨论转正（" + m.date() + "）早于预备期满（预备期至 " + probationEnd + "）");
            }
            meeting("讨论预备党员转正的支部大会", m, c);
        }
        LocalDate approval = t.conversionApprovalDate();
        if (approval != null && approval.isAfter(probationEnd.plusMonths(rules.conversionApprovalWithinMonths()))) {
            c.add(DevelopmentRule.CONVERSION_APPROVAL_LATE, "转正审批（" + approval + "）超过预备期满（" + probationEnd + "）后"
                    + cn(rules.conversionApprovalWithinMonths()) + "个月");
        }
    }

    /** Rejects what no timeline can be: negative numbers, more present or voting than due, missing dates of recorded steps. */
    static void validate(Timeline t) {
        List<FieldErrors.FieldError> errors = new ArrayList<>();
        if (t.training() != null) {
            negative(errors, "training.days", t.training().days());
            negative(errors, "training.hours", t.training().hours());
        }
        meetingValid(errors, "admissionMeeting", t.admissionMeeting());
        meetingValid(errors, "conversionMeeting", t.conversionMeeting());
        for (int i = 0; i < t.probationExtensions().size(); i++) {
            Integer months = t.probationExtensions().get(i).months();
            if (months == null) {
                errors.add(new FieldErrors.FieldError("probationExtensions[" + i + "].months", "请填写延长的月数"));
            } else {
                negative(errors, "probationExtensions[" + i + "].months", months);
            }
        }
        for (int i = 0; i < t.introducers().size(); i++) {
            if (t.introducers().get(i).status() == null) {
                errors.add(new FieldErrors.FieldError("introducers[" + i + "].status", "请填写入党介绍人的党员状态"));
            }
        }
        for (int i = 0; i < t.preReviews().size(); i++) {
            PreReview p = t.preReviews().get(i);
            if (p.level() == null || p.date() == null) {
                errors.add(new FieldErrors.FieldError("preReviews[" + i + "]", "预审须填写层级和日期"));
            }
        }
        if (t.publicNotice() != null) {
            if (t.publicNotice().start() == null || t.publicNotice().end() == null) {
                errors.add(new FieldErrors.FieldError("publicNotice", "公示须填写起止日期"));
            } else if (t.publicNotice().end().isBefore(t.publicNotice().start())) {
                errors.add(new FieldErrors.FieldError("publicNotice", "公示结束日期（" + t.publicNotice().end() + "）早于开始日期（"
                        + t.publicNotice().start() + "）"));
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldErrors(errors);
        }
    }

    private static void meetingValid(List<FieldErrors.FieldError> errors, String field, Meeting m) {
        if (m == null) {
            return;
        }
        if (m.date() == null || m.dueVoters() == null || m.present() == null || m.votesFor() == null) {
            errors.add(new FieldErrors.FieldError(field, "支部大会须填写日期、应到会人数、到会人数和赞成票数"));
            return;
        }
        negative(errors, field + ".dueVoters", m.dueVoters());
        negative(errors, field + ".present", m.present());
        negative(errors, field + ".votesFor", m.votesFor());
        negative(errors, field + ".writtenFor", m.writtenFor());
        int written = m.writtenFor() == null ? 0 : m.writtenFor();
        if (m.present() > m.dueVoters()) {
            errors.add(new FieldErrors.FieldError(field + ".present", "到会人数（" + m.present() + "）多于应到会人数（" + m.dueVoters() + "）"));
        }
        if (m.votesFor() > m.present()) {
            errors.add(new FieldErrors.FieldError(field + ".votesFor", "赞成票数（" + m.votesFor() + "）多于到会人数（" + m.present() + "）"));
        }
        if (written > Math.max(0, m.dueVoters() - m.present())) {
            errors.add(new FieldErrors.FieldError(field + ".writtenFor", "书面赞成意见（" + written + "）多于未到会人数（"
                    + Math.max(0, m.dueVoters() - m.present()) + "）"));
        }
    }

    private static void negative(List<FieldErrors.FieldError> errors, String field, Integer value) {
        if (value != null && value < 0) {
            errors.add(new FieldErrors.FieldError(field, field + " 不能为负数（" + value + "）"));
        }
    }

    /** A small number in Chinese (一, 十八, 二十四); digits from 100 on. */
    static String cn(int n) {
        String[] digits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        if (n < 0 || n >= 100) {
            return String.valueOf(n);
        }
        if (n < 10) {
            return digits[n];
        }
        return (n / 10 == 1 ? "" : digits[n / 10]) + "十" + (n % 10 == 0 ? "" : digits[n % 10]);
    }

    private static final class Check {
        private final RecruitmentRuleSet rules;
        private final List<Violation> violations = new ArrayList<>();

        Check(RecruitmentRuleSet rules) {
            this.rules = rules;
        }

        void add(DevelopmentRule rule, String message) {
            String article = rules.article(rule);
            violations.add(new Violation(rule, article, article + "：" + message));
        }
    }
}
