package org.zugong.cadre;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.zugong.person.PersonRecord;

/**
 * The 干部任免审批表 of one cadre as printed: every cell's text, formatted the way the national editor
 * prints it, and for each fixed-size cell the font-size class ({@code fit-0} … {@code fit-4}) that
 * keeps its text inside the cell, so that the front and the back stay one A4 page each.
 *
 * <p>The cell sizes below are those of {@code static/css/print-form.css}; change both together.
 *
 * @param ageOn  the day ages are computed on: 计算年龄时间, or today when the form has none
 * @param fit    field name → font-size class
 * @param family the family rows, padded with blank rows to a full block (at least 7)
 * @param familyClass {@code fam-7}, {@code fam-10} or {@code fam-14}: the row height of that block
 */
public record CadreFormSheet(long personId, String name, String sex, String birth, String ethnicity, String nativePlace,
                             String birthPlace, String partyJoin, String workStart, String health,
                             String professionalTitle, String specialty, String fullTimeEducation,
                             String fullTimeSchools, String inServiceEducation, String inServiceSchools,
                             String currentPost, String proposedPost, String proposedRemoval, List<ResumeRow> resume,
                             String rewards, String annual, String appointmentReason, List<FamilyRow> family,
                             String familyClass, String reportingUnit, String filledBy, String filledOn,
                             boolean hasPhoto, LocalDate ageOn, Map<String, String> fit) {

    /** One period of the 简历: {@code 2003.09--2007.07} (an open end as 7 spaces) and its text lines. */
    public record ResumeRow(String period, List<String> text) {
    }

    /** One row of 家庭主要成员及重要社会关系; all blank for a padding row. */
    public record FamilyRow(String relation, String name, String age, String politicalStatus, String workAndPost,
                            String workFit) {
    }

    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("yyyy.MM");
    private static final DateTimeFormatter DOTTED_DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd");
    private static final Pattern MONTH_PREFIX = Pattern.compile("(\\d{4})[.\\-]?(\\d{2})(.*)", Pattern.DOTALL);

    // Inner cell sizes in mm (cell size less padding), as in print-form.css.
    private static final double SHORT_W = 22, SHORT_H = 10.5;
    private static final double WIDE_W = 148, POST_H = 9;
    private static final double EDU_W = 42, SCHOOL_W = 58, EDU_H = 12;
    private static final double TITLE_W = 42, SPECIALTY_W = 44, SPECIALTY_H = 10.5;
    private static final double RESUME_W = 145, RESUME_H = 139, RESUME_PREFIX_EM = 9;
    private static final double REWARDS_H = 37, ANNUAL_H = 17, REASON_H = 21, UNIT_H = 20;
    private static final double FAMILY_WORK_W = 76;

    static CadreFormSheet of(CadreDossier dossier, String ethnicityName, LocalDate today) {
        PersonRecord p = dossier.person();
        CadreFile file = dossier.file();
        CadreProfile c = file.profile();
        LocalDate on = c.ageComputedOn() != null ? c.ageComputedOn() : today;
        Map<String, String> fit = new HashMap<>();

        String birth = p.birthDate().format(DOTTED) + "\n（" + dossier.age(on) + "岁）";
        String partyJoin = c.partyJoinText() != null ? dottedMonth(c.partyJoinText())
                : p.partyJoinDate() == null ? null : p.partyJoinDate().format(DOTTED);
        String workStart = p.workStartDate() == null ? null : p.workStartDate().format(DOTTED);
        String sex = CadreLrmxMapping.sexName(p.sex());

        Map<String, String> shortCells = new java.util.LinkedHashMap<>();
        shortCells.put("name", p.name());
        shortCells.put("sex", sex);
        shortCells.put("birth", birth);
        shortCells.put("ethnicity", ethnicityName);
        shortCells.put("nativePlace", p.nativePlace());
        shortCells.put("birthPlace", c.birthPlace());
        shortCells.put("partyJoin", partyJoin);
        shortCells.put("workStart", workStart);
        shortCells.put("health", c.health());
        shortCells.forEach((k, v) -> fit.put(k, PrintFit.fit(PrintFit.lines(v), SHORT_W, SHORT_H)));

        String fullTime = education(file.fullTimeEducation());
        String fullTimeSchools = schools(file.fullTimeEducation());
        String inService = education(file.inServiceEducation());
        String inServiceSchools = schools(file.inServiceEducation());
        fit.put("professionalTitle", PrintFit.fit(PrintFit.lines(c.professionalTitle()), TITLE_W, SPECIALTY_H));
        fit.put("specialty", PrintFit.fit(PrintFit.lines(c.specialty()), SPECIALTY_W, SPECIALTY_H));
        fit.put("fullTimeEducation", PrintFit.fit(PrintFit.lines(fullTime), EDU_W, EDU_H));
        fit.put("fullTimeSchools", PrintFit.fit(PrintFit.lines(fullTimeSchools), SCHOOL_W, EDU_H));
        fit.put("inServiceEducation", PrintFit.fit(PrintFit.lines(inService), EDU_W, EDU_H));
        fit.put("inServiceSchools", PrintFit.fit(PrintFit.lines(inServiceSchools), SCHOOL_W, EDU_H));
        fit.put("currentPost", PrintFit.fit(PrintFit.lines(c.currentPostText()), WIDE_W, POST_H));
        fit.put("proposedPost", PrintFit.fit(PrintFit.lines(c.proposedPost()), WIDE_W, POST_H));
        fit.put("proposedRemoval", PrintFit.fit(PrintFit.lines(c.proposedRemoval()), WIDE_W, POST_H));

        List<ResumeRow> resume = file.resume().stream().map(CadreFormSheet::resumeRow).toList();
        fit.put("resume", PrintFit.fit(resume.stream().flatMap(r -> r.text().stream()).toList(),
                RESUME_W, RESUME_H, RESUME_PREFIX_EM));

        String annual = CadreLrmxMapping.annualText(c.annualText(), file.annualResults());
        fit.put("rewards", PrintFit.fit(PrintFit.lines(c.rewardsText()), WIDE_W, REWARDS_H));
        fit.put("annual", PrintFit.fit(PrintFit.lines(annual), WIDE_W, ANNUAL_H));
        fit.put("appointmentReason", PrintFit.fit(PrintFit.lines(c.appointmentReason()), WIDE_W, REASON_H));
        fit.put("reportingUnit", PrintFit.fit(PrintFit.lines(c.reportingUnit()), WIDE_W, UNIT_H));

        int members = file.family().size();
        int rows = members <= 7 ? 7 : members <= 10 ? 10 : Math.max(14, members);
        String familyClass = members <= 7 ? "fam-7" : members <= 10 ? "fam-10" : "fam-14";
        List<FamilyRow> family = new ArrayList<>();
        for (LrmxFamilyMember m : file.family()) {
            family.add(new FamilyRow(m.relation(), m.name(), m.birthMonth() == null ? null : String.valueOf(age(m.birthMonth(), on)),
                    m.politicalStatus(), m.workAndPost(),
                    members <= 7 ? PrintFit.fit(PrintFit.lines(m.workAndPost()), FAMILY_WORK_W, 8)
                            : members <= 10 ? PrintFit.fit(PrintFit.lines(m.workAndPost()), FAMILY_WORK_W, 6, 0, 2)
                            : PrintFit.fit(PrintFit.lines(m.workAndPost()), FAMILY_WORK_W, 4.5, 0, 3)));
        }
        while (family.size() < rows) {
            family.add(new FamilyRow(null, null, null, null, null, ""));
        }

        return new CadreFormSheet(p.id(), p.name(), sex, birth, ethnicityName, p.nativePlace(), c.birthPlace(), partyJoin,
                workStart, c.health(), c.professionalTitle(), c.specialty(), fullTime, fullTimeSchools, inService,
                inServiceSchools, c.currentPostText(), c.proposedPost(), c.proposedRemoval(), resume, c.rewardsText(), annual,
                c.appointmentReason(), family, familyClass, c.reportingUnit(), c.filledBy(),
                c.filledOn() == null ? null : c.filledOn().format(DOTTED_DAY), dossier.hasPhoto(), on, Map.copyOf(fit));
    }

    /** Whole years from a birth month to a day, as the editor counts them (by month). */
    static int age(YearMonth birthMonth, LocalDate on) {
        return on.getYear() - birthMonth.getYear() - (on.getMonthValue() < birthMonth.getMonthValue() ? 1 : 0);
    }

    /** {@code 200706} → {@code 2007.06}, keeping a suffix such as {@code ；民盟}; other text as written. */
    static String dottedMonth(String text) {
        Matcher m = MONTH_PREFIX.matcher(text.strip());
        return m.matches() ? m.group(1) + "." + m.group(2) + m.group(3) : text;
    }

    private static ResumeRow resumeRow(LrmxResumeLine line) {
        String period = line.from() == null ? ""
                : line.from().format(DOTTED) + "--" + (line.to() == null ? LrmxResume.OPEN_END : line.to().format(DOTTED));
        List<String> text = line.text() == null ? List.of("") : List.of(line.text().split("\n", -1));
        return new ResumeRow(period, text);
    }

    /** 学历 over 学位. */
    private static String education(LrmxEducation e) {
        return e == null ? null : join(Stream.of(e.qualification(), e.degree()));
    }

    /** 学历的毕业院校系 over 学位的毕业院校系及专业, once when they are the same. */
    private static String schools(LrmxEducation e) {
        return e == null ? null : join(Stream.of(e.qualificationSchool(), e.degreeSchool()).distinct());
    }

    private static String join(Stream<String> parts) {
        String text = String.join("\n", parts.filter(Objects::nonNull).filter(s -> !s.isBlank()).toList());
        return text.isEmpty() ? null : text;
    }
}
