package org.zugong.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zugong.organization.OrganizationKind;

/**
 * The demo development records (发展党员档案, issue 6): about forty 群众 and 共青团员 of the six counties'
 * 党支部 at every stage, their timelines in the past and valid under every rule of the 细则2014, with
 * contacts and introducers (full members) and both pre-reviews — and exactly five historical records
 * that each break one rule ({@link Seeded}), as records entered before the system existed would, for the
 * audit over the stored records to find. Persons who became 预备党员 or 正式党员 get their political
 * status and join date (正式党员: the day probation ended) updated in the same load.
 */
final class DemoRecruitment {

    static final String AUTHOR = DemoWriter.AUTHOR;
    private static final String PARTY_MEMBER = "01";
    private static final String PROBATIONARY_MEMBER = "02";
    private static final String LEAGUE_MEMBER = "03";
    private static final String MASSES = "13";
    /** Valid records per stage, over the six counties in turn. */
    private static final int PER_STAGE = 7;

    enum Stage { APPLICANT, ACTIVIST, DEVELOPMENT_TARGET, PROBATIONARY, FULL_MEMBER }

    /** The one rule a seeded historical record breaks (named as the checker's rule ids), or NONE. */
    enum Seeded { NONE, ACTIVIST_LESS_THAN_ONE_YEAR, TALK_LATE, TRAINING_INSUFFICIENT, PRE_REVIEW_MISSING, VOTE_NOT_PASSED }

    record Meeting(LocalDate date, int due, int present, int votesFor) {
    }

    /** One planned record; a null date is a step not reached. Keys index the persons and the organization plan. */
    record Plan(int personIndex, int branchKey, int county, Stage stage, Seeded seeded, LocalDate birthDate,
                LocalDate application, LocalDate talk, LocalDate activist, List<LocalDate> assessments, LocalDate target,
                LocalDate review, Integer trainingDays, Integer trainingHours, LocalDate noticeStart, LocalDate noticeEnd,
                LocalDate committeeReview, int committeeKey, LocalDate countyReview, int departmentKey, Meeting admission,
                LocalDate approval, Meeting conversion, LocalDate conversionApproval, List<Integer> contacts,
                List<Integer> introducers) {

        /** 党龄 counts from the end of probation (the anniversary of the admission meeting). */
        LocalDate fullMemberFrom() {
            return conversionApproval == null ? null : admission.date().plusMonths(12);
        }
    }

    /** The random draws of one record, so that it can be built once to measure it and once in place. */
    private record Draws(int talk, int activist, int target, int review, int notice, int due, int absent, int against,
                         int approval, int conversion, int cDue, int cAbsent, int cAgainst, int cApproval, int back) {
    }

    private final Random random;
    private final LocalDate today;
    private final List<OrgSpec> orgs;
    private final List<DemoCity.County> counties;
    private final List<DemoPerson> people;

    DemoRecruitment(Random random, LocalDate today, DemoCity city, List<DemoPerson> people) {
        this.random = random;
        this.today = today;
        this.orgs = city.organizations();
        this.counties = city.counties();
        this.people = people;
    }

    /** The records: {@value #PER_STAGE} valid ones per stage, then the five seeded ones. */
    List<Plan> plan() {
        int[] countyOf = new int[orgs.size()];
        for (OrgSpec o : orgs) {
            countyOf[o.key()] = o.parentKey() == OrgSpec.NONE ? -1 : countyOf[o.parentKey()];
            for (int c = 0; c < counties.size(); c++) {
                if (counties.get(c).key() == o.key()) {
                    countyOf[o.key()] = c;
                }
            }
        }
        // per county: the branches with eligible persons in their unit, and the full members
        List<List<OrgSpec>> branches = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < counties.size(); c++) {
            branches.add(new ArrayList<>());
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < people.size(); i++) {
            DemoPerson p = people.get(i);
            int c = countyOf[p.orgKey()];
            if (c >= 0 && PARTY_MEMBER.equals(p.politicalStatus())) {
                members.get(c).add(i);
            }
        }
        for (OrgSpec o : orgs) {
            if (o.isBranch() && o.unitKey() != OrgSpec.NONE && countyOf[o.key()] >= 0 && !eligible(o.unitKey()).isEmpty()) {
                branches.get(countyOf[o.key()]).add(o);
            }
        }
        List<Plan> plans = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        int slot = 0;
        for (Stage stage : Stage.values()) {
            for (int i = 0; i < PER_STAGE; i++) {
                plans.add(record(slot++, stage, Seeded.NONE, countyOf, branches, members, taken));
            }
        }
        plans.add(record(slot++, Stage.FULL_MEMBER, Seeded.ACTIVIST_LESS_THAN_ONE_YEAR, countyOf, branches, members, taken));
        plans.add(record(slot++, Stage.FULL_MEMBER, Seeded.TALK_LATE, countyOf, branches, members, taken));
        plans.add(record(slot++, Stage.FULL_MEMBER, Seeded.TRAINING_INSUFFICIENT, countyOf, branches, members, taken));
        plans.add(record(slot++, Stage.PROBATIONARY, Seeded.PRE_REVIEW_MISSING, countyOf, branches, members, taken));
        plans.add(record(slot, Stage.FULL_MEMBER, Seeded.VOTE_NOT_PASSED, countyOf, branches, members, taken));
        return plans;
    }

    /** 群众 and 共青团员 (not cadres) of a unit aged 25 to 45. */
    private List<Integer> eligible(int unitKey) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            DemoPerson p = people.get(i);
            if (p.orgKey() == unitKey && !p.cadre() && (MASSES.equals(p.politicalStatus()) || LEAGUE_MEMBER.equals(p.politicalStatus()))
                    && !p.birthDate().isAfter(today.minusYears(25)) && p.birthDate().isAfter(today.minusYears(45))) {
                found.add(i);
            }
        }
        return found;
    }

    private Plan record(int slot, Stage stage, Seeded seeded, int[] countyOf, List<List<OrgSpec>> branches, List<List<Integer>> members,
                        Set<Integer> taken) {
        int county = slot % counties.size();
        List<OrgSpec> candidates = branches.get(county);
        OrgSpec branch = null;
        int person = -1;
        for (int attempt = 0; attempt < 50 && person < 0; attempt++) {
            branch = candidates.get(random.nextInt(candidates.size()));
            List<Integer> free = eligible(branch.unitKey()).stream().filter(i -> !taken.contains(i)).toList();
            if (!free.isEmpty()) {
                person = free.get(random.nextInt(free.size()));
            }
        }
        if (person < 0) {
            throw new IllegalStateException("no demo candidate left in " + counties.get(county).name());
        }
        taken.add(person);
        List<Integer> pool = new ArrayList<>();
        for (int m : members.get(county)) {
            if (people.get(m).orgKey() == branch.unitKey()) {
                pool.add(m);
            }
        }
        if (pool.size() < 3) {
            pool = members.get(county);
        }
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < 3) {
            int m = pool.get(random.nextInt(pool.size()));
            if (!chosen.contains(m)) {
                chosen.add(m);
            }
        }
        int committee = OrgSpec.NONE;
        for (int k = branch.parentKey(); k != OrgSpec.NONE && committee == OrgSpec.NONE; k = orgs.get(k).parentKey()) {
            if (orgs.get(k).kind() == OrganizationKind.PARTY_COMMITTEE) {
                committee = k;
            }
        }
        Draws d = new Draws(between(7, 25), between(30, 80), between(3, 30), between(20, 40), between(5, 15), between(15, 40),
                between(0, 3), between(0, 2), between(20, 60), between(3, 20), between(15, 40), between(0, 3), between(0, 2),
                between(10, 50), switch (stage) {
                    case APPLICANT -> between(40, 90);
                    case ACTIVIST -> between(20, 330);
                    case DEVELOPMENT_TARGET -> between(10, 90);
                    case PROBATIONARY -> between(70, 330);
                    case FULL_MEMBER -> between(30, 900);
                });
        // built once from today to measure the distance to the stage's last step, then in place
        Plan probe = build(today, d, stage, seeded, person, branch.key(), county, committee, chosen, false);
        LocalDate anchor = anchor(probe, stage);
        LocalDate application = today.minusDays(ChronoUnit.DAYS.between(today, anchor) + d.back());
        return build(application, d, stage, seeded, person, branch.key(), county, committee, chosen, true);
    }

    private static LocalDate anchor(Plan p, Stage stage) {
        return switch (stage) {
            case APPLICANT -> p.application();
            case ACTIVIST -> p.activist();
            case DEVELOPMENT_TARGET -> p.target();
            case PROBATIONARY -> p.admission().date();
            case FULL_MEMBER -> p.conversionApproval();
        };
    }

    private Plan build(LocalDate a, Draws d, Stage stage, Seeded seeded, int person, int branchKey, int county, int committeeKey,
                       List<Integer> members, boolean cut) {
        LocalDate talk = seeded == Seeded.TALK_LATE ? a.plusMonths(2).plusDays(5) : a.plusDays(d.talk());
        LocalDate activist = talk.plusDays(d.activist());
        LocalDate target = seeded == Seeded.ACTIVIST_LESS_THAN_ONE_YEAR ? activist.plusMonths(10).plusDays(10)
                : activist.plusMonths(12).plusDays(d.target());
        List<LocalDate> assessments = new ArrayList<>();
        for (int months = 5; months <= 10; months += 5) {
            LocalDate at = activist.plusMonths(months);
            if (at.isBefore(target) && (!cut || at.isBefore(today))) {
                assessments.add(at);
            }
        }
        LocalDate review = target.plusDays(d.review());
        LocalDate noticeStart = review.plusDays(d.notice());
        LocalDate noticeEnd = noticeStart.plusDays(20); // three weeks: at least five working days even over 春节 or 国庆
        LocalDate committeeReview = noticeEnd.plusDays(3);
        LocalDate countyReview = seeded == Seeded.PRE_REVIEW_MISSING ? null : noticeEnd.plusDays(7);
        LocalDate admissionDate = noticeEnd.plusDays(14);
        Meeting admission = seeded == Seeded.VOTE_NOT_PASSED ? new Meeting(admissionDate, 20, 14, 10)
                : new Meeting(admissionDate, d.due(), d.due() - d.absent(), d.due() - d.absent() - d.against());
        LocalDate approval = admissionDate.plusDays(d.approval());
        LocalDate conversionDate = admissionDate.plusMonths(12).plusDays(d.conversion());
        Meeting conversion = new Meeting(conversionDate, d.cDue(), d.cDue() - d.cAbsent(), d.cDue() - d.cAbsent() - d.cAgainst());
        LocalDate conversionApproval = conversionDate.plusDays(d.cApproval());
        boolean training = seeded == Seeded.TRAINING_INSUFFICIENT;
        int reached = stage.ordinal();
        boolean toTarget = reached >= Stage.DEVELOPMENT_TARGET.ordinal();
        boolean toProbation = reached >= Stage.PROBATIONARY.ordinal();
        boolean full = stage == Stage.FULL_MEMBER;
        return new Plan(person, branchKey, county, stage, seeded, people.get(person).birthDate(), a, talk,
                reached >= Stage.ACTIVIST.ordinal() ? activist : null,
                reached >= Stage.ACTIVIST.ordinal() ? List.copyOf(assessments) : List.of(),
                toTarget ? target : null,
                past(toTarget, review, cut), toTarget && past(true, review, cut) != null ? (training ? 2 : 3) : null,
                toTarget && past(true, review, cut) != null ? (training ? 16 : 24) : null,
                past(toTarget, noticeEnd, cut) == null ? null : noticeStart, past(toTarget, noticeEnd, cut),
                past(toTarget, committeeReview, cut), committeeKey, countyReview == null ? null : past(toTarget, countyReview, cut),
                counties.get(county).departmentKey(),
                toProbation ? admission : null, toProbation ? approval : null, full ? conversion : null, full ? conversionApproval : null,
                reached >= Stage.ACTIVIST.ordinal() ? List.of(members.get(0)) : List.of(),
                toTarget ? List.of(members.get(1), members.get(2)) : List.of());
    }

    /** A step of a reached stage, if its day has passed (a development target's later steps may still be ahead). */
    private LocalDate past(boolean reached, LocalDate date, boolean cut) {
        return reached && (!cut || date.isBefore(today)) ? date : null;
    }

    private int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    // ---- writing ---------------------------------------------------------------------------------

    /** Inserts the records and their contacts, assessments and pre-reviews; updates the new members' political status. */
    static void insert(JdbcClient jdbc, List<Plan> plans, long[] personIds, long[] orgIds) {
        for (Plan p : plans) {
            long id = jdbc.sql("""
                            INSERT INTO recruitment_candidate (person_id, branch_org_id, stage, application_date, talk_date, activist_date,
                                development_target_date, political_review_date, political_review_passed, training_days, training_hours,
                                notice_start, notice_end, admission_date, admission_due, admission_present, admission_for, admission_written,
                                approval_date, conversion_date, conversion_due, conversion_present, conversion_for, conversion_written,
                                conversion_approval_date, created_by, updated_by)
                            VALUES (:person, :branch, :stage, :application, :talk, :activist, :target, :review, :reviewPassed, :days, :hours,
                                :noticeStart, :noticeEnd, :aDate, :aDue, :aPresent, :aFor, :aWritten, :approval, :cDate, :cDue, :cPresent,
                                :cFor, :cWritten, :cApproval, :author, :author)
                            RETURNING id
                            """)
                    .param("person", personIds[p.personIndex()]).param("branch", orgIds[p.branchKey()]).param("stage", p.stage().name())
                    .param("application", p.application()).param("talk", p.talk()).param("activist", p.activist())
                    .param("target", p.target()).param("review", p.review()).param("reviewPassed", p.review() == null ? null : true)
                    .param("days", p.trainingDays()).param("hours", p.trainingHours())
                    .param("noticeStart", p.noticeStart()).param("noticeEnd", p.noticeEnd())
                    .param("aDate", p.admission() == null ? null : p.admission().date())
                    .param("aDue", p.admission() == null ? null : p.admission().due())
                    .param("aPresent", p.admission() == null ? null : p.admission().present())
                    .param("aFor", p.admission() == null ? null : p.admission().votesFor())
                    .param("aWritten", p.admission() == null ? null : 0)
                    .param("approval", p.approval())
                    .param("cDate", p.conversion() == null ? null : p.conversion().date())
                    .param("cDue", p.conversion() == null ? null : p.conversion().due())
                    .param("cPresent", p.conversion() == null ? null : p.conversion().present())
                    .param("cFor", p.conversion() == null ? null : p.conversion().votesFor())
                    .param("cWritten", p.conversion() == null ? null : 0)
                    .param("cApproval", p.conversionApproval()).param("author", AUTHOR)
                    .query(Long.class).single();
            for (int m : p.contacts()) {
                contact(jdbc, id, personIds[m], "CONTACT");
            }
            for (int m : p.introducers()) {
                contact(jdbc, id, personIds[m], "INTRODUCER");
            }
            for (LocalDate date : p.assessments()) {
                jdbc.sql("INSERT INTO recruitment_assessment (candidate_id, assessment_date, note) VALUES (:c, :d, '考察合格')")
                        .param("c", id).param("d", date).update();
            }
            if (p.committeeReview() != null) {
                preReview(jdbc, id, "PARTY_COMMITTEE", p.committeeReview(), p.committeeKey() == OrgSpec.NONE ? null : orgIds[p.committeeKey()]);
            }
            if (p.countyReview() != null) {
                preReview(jdbc, id, "COUNTY_DEPARTMENT", p.countyReview(), orgIds[p.departmentKey()]);
            }
            if (p.stage() == Stage.PROBATIONARY || p.stage() == Stage.FULL_MEMBER) {
                boolean full = p.stage() == Stage.FULL_MEMBER;
                jdbc.sql("UPDATE person_person SET political_status = :s, party_join_date = :d WHERE id = :id")
                        .param("s", full ? PARTY_MEMBER : PROBATIONARY_MEMBER)
                        .param("d", full ? p.fullMemberFrom() : p.admission().date())
                        .param("id", personIds[p.personIndex()]).update();
            }
        }
    }

    private static void contact(JdbcClient jdbc, long candidate, long person, String role) {
        jdbc.sql("INSERT INTO recruitment_contact (candidate_id, person_id, role, status) VALUES (:c, :p, :r, 'FULL')")
                .param("c", candidate).param("p", person).param("r", role).update();
    }

    private static void preReview(JdbcClient jdbc, long candidate, String level, LocalDate date, Long reviewer) {
        jdbc.sql("""
                INSERT INTO recruitment_pre_review (candidate_id, level, review_date, reviewer_org_id, passed, note)
                VALUES (:c, :l, :d, :o, TRUE, '同意')
                """).param("c", candidate).param("l", level).param("d", date).param("o", reviewer).update();
    }
}
