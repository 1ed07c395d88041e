package org.zugong.cadre;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.zugong.person.IdNumber;
import org.zugong.person.PersonForm;
import org.zugong.person.PersonRecord;
import org.zugong.platform.codes.CodeTables;

/**
 * Between the 任免审批表 (LRMX) and the stored records. Person facts (name, sex, birth, ethnicity,
 * native place, work start, Party membership, highest education) go to the person record; everything
 * else the form prints is kept on the cadre file as printed, so that export returns what was imported.
 */
@Component
class CadreLrmxMapping {

    private static final Pattern MONTH_PREFIX = Pattern.compile("^(\\d{4})[.\\-/年]?(\\d{1,2})月?");
    /** "2021年度考核称职" and the usual variants ("2022年：优秀", "2023年度 基本称职"). */
    private static final Pattern ANNUAL = Pattern.compile(
            "(\\d{4})\\s*年度?\\s*(?:考核)?\\s*(?:结果)?\\s*(?:为|是)?\\s*[：:]?\\s*"
                    + "(基本称职|不称职|称职|优秀|基本合格|不合格|合格|不定等次|不进行考核|不参加考核|未考核)");

    private final CodeTables codes;

    CadreLrmxMapping(CodeTables codes) {
        this.codes = codes;
    }

    // ---- export -------------------------------------------------------------------------------------

    /** The form of a person, with their cadre file when there is one (else the person facts only). */
    LrmxDocument toDocument(PersonRecord p, CadreFile file, byte[] jpeg) {
        CadreProfile c = file == null ? null : file.profile();
        String partyJoin = c != null && c.partyJoinText() != null ? c.partyJoinText()
                : p.partyJoinDate() != null ? YearMonth.from(p.partyJoinDate()).toString().replace("-", "") : null;
        return new LrmxDocument(p.name(), sexName(p.sex()), YearMonth.from(p.birthDate()),
                p.ethnicity() == null ? null : codes.ethnicity().name(p.ethnicity()), p.nativePlace(),
                c == null ? null : c.birthPlace(), partyJoin,
                p.workStartDate() == null ? null : YearMonth.from(p.workStartDate()),
                c == null ? null : c.health(), c == null ? null : c.professionalTitle(), c == null ? null : c.specialty(),
                file == null ? null : file.fullTimeEducation(), file == null ? null : file.inServiceEducation(),
                c == null ? null : c.currentPostText(), c == null ? null : c.proposedPost(), c == null ? null : c.proposedRemoval(),
                file == null ? List.of() : file.resume(), c == null ? null : c.rewardsText(),
                c == null ? null : annualText(c.annualText(), file.annualResults()),
                c == null ? null : c.appointmentReason(), file == null ? List.of() : file.family(),
                c == null ? null : c.reportingUnit(), c == null ? null : c.ageComputedOn(), c == null ? null : c.filledOn(),
                c == null ? null : c.filledBy(), p.idNumber(), jpeg, c == null ? null : c.lrmxVersion(),
                c == null ? Map.of() : c.lrmxExtra());
    }

    /** The printed 年度考核结果: as stored, or the last three years' results written the usual way. */
    static String annualText(String stored, List<AnnualResult> results) {
        if (stored != null) {
            return stored;
        }
        if (results.isEmpty()) {
            return null;
        }
        return results.stream().sorted(Comparator.comparingInt(AnnualResult::year).reversed()).limit(3)
                .sorted(Comparator.comparingInt(AnnualResult::year))
                .map(r -> r.year() + "年度考核" + r.grade().printedName())
                .collect(Collectors.joining("，"));
    }

    // ---- import -------------------------------------------------------------------------------------

    /** A problem found while mapping, named by LRMX element. */
    record Problem(String field, String message) {
    }

    /**
     * The person record an imported form describes, for a new person in {@code orgId} or an update of
     * {@code current}. Problems are added for anything the person record cannot take.
     */
    PersonForm personForm(LrmxDocument d, PersonRecord current, long orgId, List<Problem> problems) {
        if (d.name() == null) {
            problems.add(new Problem("XingMing", "缺少姓名"));
        } else if (d.name().length() > 50) {
            problems.add(new Problem("XingMing", "姓名不能超过50个字"));
        }
        String sex = "男".equals(d.sex()) ? "1" : "女".equals(d.sex()) ? "2" : null;
        if (sex == null) {
            problems.add(new Problem("XingBie", d.sex() == null ? "缺少性别" : "性别应为“男”或“女”，实为“" + d.sex() + "”"));
        }
        LocalDate birthDate = null;
        if (d.idNumber() == null) {
            problems.add(new Problem("ShenFenZheng", "缺少身份证号"));
        } else {
            Optional<String> invalid = IdNumber.problem(d.idNumber());
            if (invalid.isPresent()) {
                problems.add(new Problem("ShenFenZheng", invalid.get()));
            } else {
                IdNumber id = new IdNumber(d.idNumber());
                birthDate = id.birthDate();
                if (sex != null && !id.sexCode().equals(sex)) {
                    problems.add(new Problem("XingBie", "性别“" + d.sex() + "”与身份证号第17位不一致"));
                }
                if (d.birthMonth() != null && !d.birthMonth().equals(YearMonth.from(birthDate))) {
                    problems.add(new Problem("ChuShengNianYue", "出生年月" + LrmxDates.format(d.birthMonth())
                            + "与身份证号中的出生日期" + birthDate + "不一致"));
                }
            }
        }
        String ethnicity = null;
        if (d.ethnicity() != null) {
            ethnicity = codes.ethnicity().codeOf(d.ethnicity())
                    .or(() -> codes.ethnicity().codeOf(d.ethnicity() + "族")).orElse(null);
            if (ethnicity == null) {
                problems.add(new Problem("MinZu", "民族“" + d.ethnicity() + "”不在民族代码表（GB/T 3304）中"));
            }
        } else if (current != null) {
            ethnicity = current.ethnicity();
        }
        if (d.nativePlace() != null && d.nativePlace().length() > 100) {
            problems.add(new Problem("JiGuan", "籍贯不能超过100个字"));
        }
        String political = current == null ? "13" : current.politicalStatus();
        LocalDate partyJoinDate = current == null ? null : current.partyJoinDate();
        if (d.partyJoin() != null) {
            PartyJoin join = partyJoin(d.partyJoin());
            if (join.partyCode() == null && join.month() == null) {
                problems.add(new Problem("RuDangShiJian", "入党时间“" + d.partyJoin() + "”既不是年月（yyyyMM）也不是党派名称"));
            } else if (join.partyCode() == null) {
                political = "02".equals(political) ? "02" : "01";
                partyJoinDate = dayIn(join.month(), current == null ? null : current.partyJoinDate(),
                        birthDate == null ? null : birthDate.plusYears(18));
                if (birthDate != null && join.month().isBefore(YearMonth.from(birthDate.plusYears(18)))) {
                    problems.add(new Problem("RuDangShiJian", "入党时间" + LrmxDates.format(join.month()) + "早于年满十八周岁"));
                }
                if (join.month().isAfter(YearMonth.now())) {
                    problems.add(new Problem("RuDangShiJian", "入党时间不能晚于本月"));
                }
            } else {
                political = join.partyCode();
                partyJoinDate = null;
            }
        }
        LocalDate workStart = d.workStart() == null ? (current == null ? null : current.workStartDate())
                : dayIn(d.workStart(), current == null ? null : current.workStartDate(), birthDate == null ? null : birthDate.plusYears(16));
        if (d.workStart() != null) {
            if (d.workStart().isAfter(YearMonth.now())) {
                problems.add(new Problem("CanJiaGongZuoShiJian", "参加工作时间不能晚于本月"));
            } else if (birthDate != null && d.workStart().isBefore(YearMonth.from(birthDate.plusYears(16)))) {
                problems.add(new Problem("CanJiaGongZuoShiJian", "参加工作时间早于年满十六周岁"));
            }
        }
        String education = highestEducation(d.fullTimeEducation(), d.inServiceEducation())
                .orElse(current == null ? null : current.education());
        return new PersonForm(current == null ? orgId : current.orgId(), d.name(), sex, birthDate, ethnicity, d.nativePlace(),
                d.idNumber(), current == null ? null : "", education, political, partyJoinDate, workStart,
                current == null ? null : current.version());
    }

    /**
     * The day to store for a month the form gives: the day already on record when it lies in that month
     * (so re-importing an unchanged form changes nothing), else the first of the month — or the day a
     * minimum age is reached when that falls later in the same month (the form cannot say which day).
     */
    static LocalDate dayIn(YearMonth month, LocalDate recorded, LocalDate earliest) {
        if (recorded != null && YearMonth.from(recorded).equals(month)) {
            return recorded;
        }
        LocalDate first = month.atDay(1);
        return earliest != null && YearMonth.from(earliest).equals(month) && earliest.isAfter(first) ? earliest : first;
    }

    record PartyJoin(YearMonth month, String partyCode) {
    }

    /** 入党时间: "yyyyMM" (中共), a democratic party's name, or "yyyyMM；党派". */
    PartyJoin partyJoin(String text) {
        String t = text.strip();
        Matcher m = MONTH_PREFIX.matcher(t);
        YearMonth month = null;
        String rest = t;
        if (m.find()) {
            int mm = Integer.parseInt(m.group(2));
            if (mm >= 1 && mm <= 12) {
                month = YearMonth.of(Integer.parseInt(m.group(1)), mm);
                rest = t.substring(m.end()).replaceFirst("^[；;，,\\s]+", "");
            }
        }
        if (rest.isEmpty() || rest.equals("中共") || rest.equals("中国共产党")) {
            return new PartyJoin(month, null);
        }
        String name = rest;
        String party = codes.politicalStatus().codeOf(name)
                .or(() -> codes.politicalStatus().entries().stream()
                        .filter(e -> !e.code().equals("01") && !e.code().equals("02"))
                        .filter(e -> e.name().startsWith(name) || e.shortName().startsWith(name) || name.startsWith(e.shortName()))
                        .map(org.zugong.platform.codes.CodeTable.Entry::code).findFirst())
                .orElse(null);
        return party == null ? new PartyJoin(null, null) : new PartyJoin(month, party);
    }

    /** The highest 学历 of the two blocks as a GB/T 4658 code, when the printed names say it. */
    Optional<String> highestEducation(LrmxEducation fullTime, LrmxEducation inService) {
        return java.util.stream.Stream.of(fullTime.qualification(), inService.qualification())
                .filter(Objects::nonNull)
                .map(this::educationCode).flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
    }

    private Optional<String> educationCode(String printed) {
        Optional<String> exact = codes.education().codeOf(printed);
        if (exact.isPresent()) {
            return exact;
        }
        String t = printed.replace(" ", "");
        if (t.contains("博士")) {
            return Optional.of("11");
        }
        if (t.contains("研究生") || t.contains("硕士")) {
            return Optional.of("14");
        }
        if (t.contains("大学") && !t.contains("专科") || t.contains("本科")) {
            return Optional.of("21");
        }
        if (t.contains("大专") || t.contains("专科")) {
            return Optional.of("31");
        }
        if (t.contains("中专") || t.contains("中等专科")) {
            return Optional.of("41");
        }
        if (t.contains("高中")) {
            return Optional.of("61");
        }
        return Optional.empty();
    }

    /** The profile fields a form carries. */
    CadreRepository.FormFields formFields(LrmxDocument d) {
        return new CadreRepository.FormFields(d.birthPlace(), d.health(), d.partyJoin(), d.professionalTitle(), d.specialty(),
                d.currentPost(), d.proposedPost(), d.proposedRemoval(), d.rewardsAndPunishments(), d.annualAssessment(),
                d.appointmentReason(), d.reportingUnit(), d.ageComputedOn(), d.filledOn(), d.filledBy(), d.version(), d.unknown());
    }

    /** Length limits of the stored columns, reported by LRMX element. */
    static List<Problem> lengthProblems(LrmxDocument d) {
        List<Problem> problems = new ArrayList<>();
        check(problems, "ChuShengDi", d.birthPlace(), 100);
        check(problems, "JianKangZhuangKuang", d.health(), 50);
        check(problems, "RuDangShiJian", d.partyJoin(), 60);
        check(problems, "ZhuanYeJiShuZhiWu", d.professionalTitle(), 200);
        check(problems, "ShuXiZhuanYeYouHeZhuanChang", d.specialty(), 500);
        check(problems, "XianRenZhiWu", d.currentPost(), 500);
        check(problems, "NiRenZhiWu", d.proposedPost(), 500);
        check(problems, "NiMianZhiWu", d.proposedRemoval(), 500);
        check(problems, "ChengBaoDanWei", d.reportingUnit(), 200);
        check(problems, "TianBiaoRen", d.filledBy(), 50);
        check(problems, "Version", d.version(), 30);
        for (String block : List.of("QuanRiZhiJiaoYu", "ZaiZhiJiaoYu")) {
            LrmxEducation e = block.startsWith("Quan") ? d.fullTimeEducation() : d.inServiceEducation();
            check(problems, block + "_XueLi", e.qualification(), 100);
            check(problems, block + "_XueWei", e.degree(), 100);
            check(problems, block + "_XueLi_BiYeYuanXiaoXi", e.qualificationSchool(), 300);
            check(problems, block + "_XueWei_BiYeYuanXiaoXi", e.degreeSchool(), 300);
        }
        for (LrmxResumeLine line : d.resume()) {
            check(problems, "JianLi", line.text(), 2000);
        }
        for (LrmxFamilyMember m : d.family()) {
            if (m.relation() == null) {
                problems.add(new Problem("JiaTingChengYuan", "家庭成员" + Objects.toString(m.name(), "") + "缺少称谓"));
            }
            check(problems, "JiaTingChengYuan", m.relation(), 20);
            check(problems, "JiaTingChengYuan", m.politicalStatus(), 50);
        }
        return problems;
    }

    private static void check(List<Problem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new Problem(field, LrmxElement.valueOf(field).label() + "超过" + max + "个字"));
        }
    }

    /** The yearly results a printed 年度考核结果 names; later mentions of a year win. */
    static Map<Integer, AnnualGrade> annualResults(String text) {
        Map<Integer, AnnualGrade> results = new LinkedHashMap<>();
        if (text == null) {
            return results;
        }
        Matcher m = ANNUAL.matcher(text);
        while (m.find()) {
            int year = Integer.parseInt(m.group(1));
            AnnualGrade.ofPrintedName(m.group(2)).ifPresent(g -> results.put(year, g));
        }
        return results;
    }

    static String sexName(String code) {
        return "1".equals(code) ? "男" : "2".equals(code) ? "女" : null;
    }

    /** Cadres and civil servants: women keep the old 55 line (rules.md §7). */
    static RetirementGroup defaultRetirementGroup(String sexCode) {
        return "2".equals(sexCode) ? RetirementGroup.FEMALE_55 : RetirementGroup.MALE_60;
    }

    /** Field-by-field differences between the stored form and an incoming one, for the preview. */
    static List<LrmxFieldChange> changes(LrmxDocument before, LrmxDocument after) {
        List<LrmxFieldChange> changes = new ArrayList<>();
        for (LrmxElement e : LrmxElement.values()) {
            String a;
            String b;
            if (e == LrmxElement.JiaTingChengYuan) {
                a = family(before.family());
                b = family(after.family());
            } else if (e == LrmxElement.ZhaoPian) {
                if (Arrays.equals(before.photo(), after.photo())) {
                    continue;
                }
                a = before.photo() == null ? null : "（已有照片）";
                b = after.photo() == null ? null : "（新照片，" + after.photo().length / 1024 + " KB）";
            } else {
                a = LrmxWriter.text(before, e);
                b = LrmxWriter.text(after, e);
            }
            if (!Objects.equals(a, b)) {
                changes.add(new LrmxFieldChange(e.name(), e.label(), a, b));
            }
        }
        if (!before.unknown().equals(after.unknown())) {
            changes.add(new LrmxFieldChange("（扩展字段）", "其他字段", before.unknown().keySet().toString(), after.unknown().keySet().toString()));
        }
        return changes;
    }

    private static String family(List<LrmxFamilyMember> members) {
        if (members.isEmpty()) {
            return null;
        }
        return members.stream().map(m -> String.join(" ", Objects.toString(m.relation(), ""), Objects.toString(m.name(), ""),
                        m.birthMonth() == null ? "" : LrmxDates.format(m.birthMonth()), Objects.toString(m.politicalStatus(), ""),
                        Objects.toString(m.workAndPost(), "")).strip())
                .collect(Collectors.joining("\n"));
    }
}
