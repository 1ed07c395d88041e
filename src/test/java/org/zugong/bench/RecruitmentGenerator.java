package org.zugong.bench;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.zugong.organization.OrganizationKind;

/**
 * Development records (发展党员档案) for about 2 % of the persons, at every stage, consistent with the
 * person rows: 正式党员 who joined since 2016 get a FULL_MEMBER record whose probation ended on their
 * Party-join date, 预备党员 a PROBATIONARY one admitted on it, 群众 and 共青团员 aged 19–45 an APPLICANT,
 * ACTIVIST or DEVELOPMENT_TARGET record. The branch is the Party organization of the person's unit,
 * the introducers full members of the same unit (else of the last ones seen). Timelines copy the
 * demo's ({@code DemoRecruitment.build}, valid under every rule of the 细则2014 — kept in step by
 * hand), except about 1 % of the admitted records that break exactly one rule ({@link Seeded}), for
 * the stored-records audit to find. Ids: the candidate's id is the person id (one record per person).
 */
final class RecruitmentGenerator {

    enum Stage { APPLICANT, ACTIVIST, DEVELOPMENT_TARGET, PROBATIONARY, FULL_MEMBER }

    /** The one rule a seeded record breaks, named as the checker's {@code DevelopmentRule}, or NONE. */
    enum Seeded { NONE, TALK_LATE, ACTIVIST_LESS_THAN_ONE_YEAR, TRAINING_INSUFFICIENT, PRE_REVIEW_MISSING, VOTE_NOT_PASSED,
        INTRODUCER_NOT_FULL_MEMBER }

    /** Chances to be picked, per kind of person: about 2 % of all persons overall (see the class comment). */
    static final double FULL_MEMBER_PICK = 0.055;
    static final double PROBATIONARY_PICK = 0.13;
    static final double NON_MEMBER_PICK = 0.06;
    /** Seeded violations per 1,000 admitted records. */
    static final int SEEDED_PER_MILLE = 25;
    static final LocalDate FIRST_FULL_MEMBER_JOIN = LocalDate.of(2016, 1, 1);

    /** A person picked while the person rows stream by. */
    record Pick(long personId, long orgId, LocalDate birth, Stage stage, LocalDate partyJoin, long fallback1, long fallback2) {
    }

    record Meeting(LocalDate date, int due, int present, int votesFor) {
    }

    record Contact(long personId, String role, String status) {
    }

    record PreReview(String level, LocalDate date, Long reviewerOrgId) {
    }

    /** One record as written; null dates are steps not reached. */
    record Candidate(long id, long personId, long branchId, Stage stage, Seeded seeded, LocalDate application, LocalDate talk,
                     LocalDate activist, List<LocalDate> assessments, LocalDate target, LocalDate review, Integer trainingDays,
                     Integer trainingHours, LocalDate noticeStart, LocalDate noticeEnd, List<PreReview> preReviews,
                     Meeting admission, LocalDate approval, Meeting conversion, LocalDate conversionApproval,
                     List<Contact> contacts) {

        /** The dates of the steps reached, in the order the rules require them. */
        List<LocalDate> stepDates() {
            List<LocalDate> d = new ArrayList<>();
            for (LocalDate x : new LocalDate[] {application, talk, activist, target, review, noticeStart, noticeEnd,
                    admission == null ? null : admission.date(), approval, conversion == null ? null : conversion.date(),
                    conversionApproval}) {
                if (x != null) {
                    d.add(x);
                }
            }
            return d;
        }
    }

    private final long seed;
    private final LocalDate asOf;
    private final OrgTree tree;
    /** Per unit (or branch) id, up to three of its full Party members, filled while the persons stream. */
    private final Map<Long, long[]> members = new HashMap<>();
    private final long[] recent = new long[64];
    private int recentCount;

    RecruitmentGenerator(long seed, LocalDate asOf, OrgTree tree) {
        this.seed = seed;
        this.asOf = asOf;
        this.tree = tree;
    }

    /**
     * Passes the person rows through unchanged, notes the full Party members of each unit and picks
     * candidates with its own random numbers (the persons stay those of the seed).
     */
    Iterator<PersonRow> picking(Iterator<PersonRow> persons, SplittableRandom random, List<Pick> picked) {
        return new Iterator<>() {
            public boolean hasNext() {
                return persons.hasNext();
            }

            public PersonRow next() {
                PersonRow p = persons.next();
                consider(p, random, picked);
                return p;
            }
        };
    }

    void consider(PersonRow p, SplittableRandom random, List<Pick> picked) {
        if (!p.active()) {
            return;
        }
        String status = p.politicalStatus();
        Stage stage = null;
        double roll = random.nextDouble();
        // The application comes at most ~2.7 years before the Party-join date (~1.9 before today for a
        // development target): the ages below keep every applicant 18 or older.
        if ("01".equals(status) && !p.partyJoinDate().isBefore(FIRST_FULL_MEMBER_JOIN)
                && !p.partyJoinDate().isBefore(p.birthDate().plusYears(22))) {
            stage = roll < FULL_MEMBER_PICK ? Stage.FULL_MEMBER : null;
        } else if ("02".equals(status) && !p.partyJoinDate().isAfter(asOf.minusDays(70))
                && !p.partyJoinDate().isBefore(p.birthDate().plusYears(21))) {
            stage = roll < PROBATIONARY_PICK ? Stage.PROBATIONARY : null;
        } else if ("03".equals(status) || "13".equals(status)) {
            int age = Period.between(p.birthDate(), asOf).getYears();
            if (age >= 21 && age <= 45 && roll < NON_MEMBER_PICK) {
                int s = random.nextInt(100);
                stage = s < 25 ? Stage.APPLICANT : s < 70 ? Stage.ACTIVIST : Stage.DEVELOPMENT_TARGET;
            }
        }
        if (stage != null && branchOf(p.orgId(), p.id()) != null) {
            picked.add(new Pick(p.id(), p.orgId(), p.birthDate(), stage, p.partyJoinDate(), recent[0], recent[1 % recent.length]));
        }
        if ("01".equals(status)) {
            long[] m = members.computeIfAbsent(p.orgId(), k -> new long[3]);
            m[(int) (p.id() % 3)] = p.id();
            recent[recentCount++ % recent.length] = p.id();
        }
    }

    /** The 支部 (or 联合支部) that keeps a person's record: the unit's own, one of a 总支's, or the home branch itself. */
    OrgNode branchOf(long orgId, long personId) {
        OrgNode home = tree.nodes().get(Math.toIntExact(orgId - 1));
        if (isBranch(home)) {
            return home;
        }
        List<OrgNode> found = new ArrayList<>();
        collectBranches(home, home, found);
        return found.isEmpty() ? null : found.get((int) (personId % found.size()));
    }

    private static void collectBranches(OrgNode unit, OrgNode at, List<OrgNode> found) {
        for (OrgNode child : at.children()) {
            if (child.unit() == unit) {
                if (isBranch(child)) {
                    found.add(child);
                } else {
                    collectBranches(unit, child, found);
                }
            }
        }
    }

    private static boolean isBranch(OrgNode n) {
        return n.kind() == OrganizationKind.PARTY_BRANCH || n.kind() == OrganizationKind.PARTY_JOINT_BRANCH;
    }

    /** The record of a pick, from a generator seeded by the seed and the person id. */
    Candidate build(Pick pick) {
        SplittableRandom r = new SplittableRandom(seed * 0xC2B2AE3D27D4EB4FL + pick.personId());
        OrgNode branch = branchOf(pick.orgId(), pick.personId());
        Seeded seeded = Seeded.NONE;
        boolean admitted = pick.stage() == Stage.PROBATIONARY || pick.stage() == Stage.FULL_MEMBER;
        if (admitted && r.nextInt(1000) < SEEDED_PER_MILLE) {
            seeded = Seeded.values()[1 + r.nextInt(Seeded.values().length - 1)];
        }
        int[] d = {between(r, 7, 25), between(r, 30, 80), between(r, 3, 30), between(r, 20, 40), between(r, 5, 15),
                between(r, 15, 40), between(r, 0, 3), between(r, 0, 2), between(r, 20, 60), between(r, 3, 20), between(r, 15, 40),
                between(r, 0, 3), between(r, 0, 2), between(r, 10, 50), 0};
        int back = switch (pick.stage()) {
            case APPLICANT -> between(r, 40, 90);
            case ACTIVIST -> between(r, 20, 330);
            case DEVELOPMENT_TARGET -> between(r, 10, 90);
            default -> 0;
        };
        // Built once from a fixed day to measure the distance from the application to the anchoring step, then in place.
        Candidate probe = timeline(asOf, d, pick, seeded, branch, false, List.of());
        LocalDate application;
        if (admitted) {
            // 预备党员 from the admission meeting; 正式党员 count their 党龄 from the end of probation, a year later.
            LocalDate admission = pick.stage() == Stage.PROBATIONARY ? pick.partyJoin() : pick.partyJoin().minusMonths(12);
            application = asOf.minusDays(ChronoUnit.DAYS.between(admission, asOf) + ChronoUnit.DAYS.between(asOf, probe.admission().date()));
        } else {
            LocalDate anchor = switch (pick.stage()) {
                case APPLICANT -> probe.application();
                case ACTIVIST -> probe.activist();
                default -> probe.target();
            };
            application = asOf.minusDays(ChronoUnit.DAYS.between(asOf, anchor) + back);
        }
        List<Contact> contacts = new ArrayList<>();
        long[] pool = introducerPool(pick);
        if (pick.stage().ordinal() >= Stage.ACTIVIST.ordinal()) {
            contacts.add(new Contact(pool[0], "CONTACT", "FULL"));
        }
        if (pick.stage().ordinal() >= Stage.DEVELOPMENT_TARGET.ordinal()) {
            contacts.add(new Contact(pool[1], "INTRODUCER", "FULL"));
            contacts.add(new Contact(pool[2], "INTRODUCER", seeded == Seeded.INTRODUCER_NOT_FULL_MEMBER ? "PROBATIONARY" : "FULL"));
        }
        Candidate c = timeline(application, d, pick, seeded, branch, true, contacts);
        if (admitted) {
            // months are not a fixed number of days: a day or two off, moved by the days between the
            // activist's year and the target (d[14]), after which every step counts in days
            LocalDate admission = pick.stage() == Stage.PROBATIONARY ? pick.partyJoin() : pick.partyJoin().minusMonths(12);
            d[14] = Math.toIntExact(ChronoUnit.DAYS.between(c.admission().date(), admission));
            if (d[14] != 0) {
                c = timeline(application, d, pick, seeded, branch, true, contacts);
            }
        }
        return c;
    }

    /** Three Party members other than the candidate: of the unit first, then the fallbacks noted when picked. */
    private long[] introducerPool(Pick pick) {
        java.util.Set<Long> pool = new java.util.LinkedHashSet<>();
        for (long m : members.getOrDefault(pick.orgId(), new long[0])) {
            if (m != 0 && m != pick.personId()) {
                pool.add(m);
            }
        }
        for (long m : new long[] {pick.fallback1(), pick.fallback2(), 1, 2, 3, 4}) {
            if (m != 0 && m != pick.personId()) {
                pool.add(m);
            }
        }
        Long[] three = pool.toArray(Long[]::new);
        return new long[] {three[0], three[1], three[2]};
    }

    private Candidate timeline(LocalDate a, int[] d, Pick pick, Seeded seeded, OrgNode branch, boolean cut, List<Contact> contacts) {
        LocalDate talk = seeded == Seeded.TALK_LATE ? a.plusMonths(2).plusDays(5) : a.plusDays(d[0]);
        LocalDate activist = talk.plusDays(d[1]);
        LocalDate target = (seeded == Seeded.ACTIVIST_LESS_THAN_ONE_YEAR ? activist.plusMonths(10).plusDays(10)
                : activist.plusMonths(12).plusDays(d[2])).plusDays(d[14]);
        List<LocalDate> assessments = new ArrayList<>();
        for (int months = 5; months <= 10; months += 5) {
            LocalDate at = activist.plusMonths(months);
            if (at.isBefore(target) && (!cut || at.isBefore(asOf))) {
                assessments.add(at);
            }
        }
        LocalDate review = target.plusDays(d[3]);
        LocalDate noticeStart = review.plusDays(d[4]);
        LocalDate noticeEnd = noticeStart.plusDays(20); // three weeks: at least five working days even over 春节 or 国庆
        LocalDate committeeReview = noticeEnd.plusDays(3);
        LocalDate countyReview = noticeEnd.plusDays(7);
        LocalDate admissionDate = noticeEnd.plusDays(14);
        Meeting admission = seeded == Seeded.VOTE_NOT_PASSED ? new Meeting(admissionDate, 20, 14, 10)
                : new Meeting(admissionDate, d[5], d[5] - d[6], d[5] - d[6] - d[7]);
        LocalDate approval = admissionDate.plusDays(d[8]);
        LocalDate conversionDate = admissionDate.plusMonths(12).plusDays(d[9]);
        Meeting conversion = new Meeting(conversionDate, d[10], d[10] - d[11], d[10] - d[11] - d[12]);
        LocalDate conversionApproval = conversionDate.plusDays(d[13]);
        boolean training = seeded == Seeded.TRAINING_INSUFFICIENT;
        int reached = pick.stage().ordinal();
        boolean toActivist = reached >= Stage.ACTIVIST.ordinal();
        boolean toTarget = reached >= Stage.DEVELOPMENT_TARGET.ordinal();
        boolean toProbation = reached >= Stage.PROBATIONARY.ordinal();
        boolean full = pick.stage() == Stage.FULL_MEMBER;
        LocalDate reviewDone = past(toTarget, review, cut);
        List<PreReview> preReviews = new ArrayList<>();
        OrgNode committee = ancestor(branch, OrganizationKind.PARTY_COMMITTEE);
        OrgNode county = ancestor(branch, OrganizationKind.COUNTY);
        if (past(toTarget, committeeReview, cut) != null) {
            preReviews.add(new PreReview("PARTY_COMMITTEE", committeeReview, committee == null ? null : committee.id()));
        }
        if (seeded != Seeded.PRE_REVIEW_MISSING && past(toTarget, countyReview, cut) != null) {
            preReviews.add(new PreReview("COUNTY_DEPARTMENT", countyReview, county == null ? null : county.id()));
        }
        return new Candidate(pick.personId(), pick.personId(), branch.id(), pick.stage(), seeded, a, talk,
                toActivist ? activist : null, toActivist ? List.copyOf(assessments) : List.of(), toTarget ? target : null,
                reviewDone, reviewDone != null ? (training ? 2 : 3) : null, reviewDone != null ? (training ? 16 : 24) : null,
                past(toTarget, noticeEnd, cut) == null ? null : noticeStart, past(toTarget, noticeEnd, cut), preReviews,
                toProbation ? admission : null, toProbation ? approval : null, full ? conversion : null,
                full ? conversionApproval : null, contacts);
    }

    private static OrgNode ancestor(OrgNode n, OrganizationKind kind) {
        for (OrgNode a = n.parent(); a != null; a = a.parent()) {
            if (a.kind() == kind) {
                return a;
            }
        }
        return null;
    }

    /** A step of a reached stage, if its day has passed (a development target's later steps may still be ahead). */
    private LocalDate past(boolean reached, LocalDate date, boolean cut) {
        return reached && (!cut || date.isBefore(asOf)) ? date : null;
    }

    private static int between(SplittableRandom r, int min, int max) {
        return min + r.nextInt(max - min + 1);
    }

    // ---- COPY ------------------------------------------------------------------------------------

    static final String CANDIDATE_SQL = """
            COPY recruitment_candidate (id, person_id, branch_org_id, stage, application_date, talk_date, activist_date,
                development_target_date, political_review_date, political_review_passed, training_days, training_hours,
                notice_start, notice_end, admission_date, admission_due, admission_present, admission_for, admission_written,
                approval_date, conversion_date, conversion_due, conversion_present, conversion_for, conversion_written,
                conversion_approval_date, created_by, updated_by)
            FROM STDIN WITH (FORMAT text, FREEZE true)""";
    static final String CONTACT_SQL = """
            COPY recruitment_contact (candidate_id, person_id, role, status) FROM STDIN WITH (FORMAT text, FREEZE true)""";
    static final String ASSESSMENT_SQL = """
            COPY recruitment_assessment (candidate_id, assessment_date, note) FROM STDIN WITH (FORMAT text, FREEZE true)""";
    static final String PRE_REVIEW_SQL = """
            COPY recruitment_pre_review (candidate_id, level, review_date, reviewer_org_id, passed, note)
            FROM STDIN WITH (FORMAT text, FREEZE true)""";

    static void candidate(Candidate c, CopyText row) {
        Meeting a = c.admission();
        Meeting v = c.conversion();
        row.number(c.id()).number(c.personId()).number(c.branchId()).text(c.stage().name()).date(c.application()).date(c.talk())
                .date(c.activist()).date(c.target()).date(c.review());
        if (c.review() == null) {
            row.nothing();
        } else {
            row.bool(true);
        }
        row.number(c.trainingDays() == null ? null : c.trainingDays().longValue())
                .number(c.trainingHours() == null ? null : c.trainingHours().longValue())
                .date(c.noticeStart()).date(c.noticeEnd());
        meeting(a, row);
        row.date(c.approval());
        meeting(v, row);
        row.date(c.conversionApproval()).text(ProvinceDataSet.CREATED_BY).text(ProvinceDataSet.CREATED_BY).endRow();
    }

    private static void meeting(Meeting m, CopyText row) {
        if (m == null) {
            row.nothing().nothing().nothing().nothing().nothing();
        } else {
            row.date(m.date()).number(m.due()).number(m.present()).number(m.votesFor()).number(0);
        }
    }

    static void contacts(Candidate c, CopyText row) {
        for (Contact k : c.contacts()) {
            row.number(c.id()).number(k.personId()).text(k.role()).text(k.status()).endRow();
        }
    }

    static void assessments(Candidate c, CopyText row) {
        for (LocalDate d : c.assessments()) {
            row.number(c.id()).date(d).text("考察合格").endRow();
        }
    }

    static void preReviews(Candidate c, CopyText row) {
        for (PreReview p : c.preReviews()) {
            row.number(c.id()).text(p.level()).date(p.date()).number(p.reviewerOrgId()).bool(true).text("同意").endRow();
        }
    }

    record Table(String name, String sql, BiConsumer<Candidate, CopyText> encoder) {
    }

    static List<Table> tables() {
        return List.of(new Table("recruitment_candidate", CANDIDATE_SQL, RecruitmentGenerator::candidate),
                new Table("recruitment_contact", CONTACT_SQL, RecruitmentGenerator::contacts),
                new Table("recruitment_assessment", ASSESSMENT_SQL, RecruitmentGenerator::assessments),
                new Table("recruitment_pre_review", PRE_REVIEW_SQL, RecruitmentGenerator::preReviews));
    }

    Iterator<Candidate> candidates(List<Pick> picks) {
        Iterator<Pick> it = picks.iterator();
        return new Iterator<>() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public Candidate next() {
                return build(it.next());
            }
        };
    }
}
