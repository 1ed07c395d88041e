package org.zugong.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.zugong.cadre.RetirementSchedule;

/**
 * Generates the people of a {@link DemoCity}: for every planned node with staff or residents, that many
 * persons drawn from its {@link Workforce}. Each person is internally consistent — the ID number carries
 * the birth date and sex, Party membership starts after the 18th birthday (预备党员 within the last
 * year), work starts at an age that fits the education — so that checks elsewhere find nothing to flag
 * unless a rule is meant to.
 */
final class DemoPeople {

    private static final String MALE = "1";
    private static final String FEMALE = "2";
    private static final String PARTY_MEMBER = "01";
    private static final String PROBATIONARY_MEMBER = "02";
    private static final String LEAGUE_MEMBER = "03";
    private static final String MASSES = "13";
    private static final int LEAGUE_MAX_AGE = 28;
    private static final List<String> MOBILE_PREFIXES = List.of(
            "130", "131", "132", "133", "135", "136", "137", "138", "139",
            "150", "151", "152", "153", "155", "156", "157", "158", "159",
            "180", "181", "182", "183", "185", "186", "187", "188", "189");

    private final Random random;
    private final LocalDate today;
    private final DemoNames names;
    private final DemoRegions regions;
    private final DemoIdentity identity = new DemoIdentity();
    private final RetirementSchedule retirement = RetirementSchedule.load();

    DemoPeople(Random random, LocalDate today, DemoNames names, DemoRegions regions) {
        this.random = random;
        this.today = today;
        this.names = names;
        this.regions = regions;
    }

    List<DemoPerson> generate(List<OrgSpec> organizations) {
        List<DemoPerson> people = new ArrayList<>();
        for (OrgSpec org : organizations) {
            for (int i = 0; i < org.people(); i++) {
                people.add(person(org.key(), org.workforce().mix().pick(random)));
            }
        }
        return people;
    }

    DemoPerson person(int orgKey, PersonProfile profile) {
        String sex = sex(profile);
        int age = age(profile);
        LocalDate birthDate = today.minusYears(age).minusDays(1 + random.nextInt(364));
        if (profile == PersonProfile.CADRE) {
            birthDate = notYetRetired(birthDate, sex);
        }
        DemoRegions.County county = regions.county(random);
        String education = profile.education().pick(random);
        String political = politicalStatus(profile, age);
        return new DemoPerson(orgKey, profile, names.fullName(random, sex), sex, birthDate, names.ethnicity(random),
                regions.nativePlace(random, county), identity.issue(random, county.code(), birthDate, sex), phone(),
                education, political, partyJoinDate(political, birthDate), workStartDate(education, birthDate));
    }

    /**
     * A cadre still in post has not reached the retirement age: one born too early for that is made a
     * year younger at a time. (Women cadres retire at 55 and some months, inside the cadres' age range.)
     * Those moved land just before their retirement, which gives the retirement lists their content.
     * No random draw depends on it, so everything else generated stays the same.
     */
    private LocalDate notYetRetired(LocalDate birthDate, String sex) {
        LocalDate birth = birthDate;
        while (!retirement.compute(YearMonth.from(birth), DemoCadres.retirementGroup(sex)).retirementMonth()
                .isAfter(YearMonth.from(today))) {
            birth = birth.plusYears(1);
        }
        return birth;
    }

    /** Men are a majority among cadres and villagers' registered heads, women among teachers and doctors. */
    private String sex(PersonProfile profile) {
        double maleShare = switch (profile) {
            case CADRE, RETIREE -> 0.68;
            case TEACHER, PROFESSIONAL -> 0.38;
            default -> 0.54;
        };
        return random.nextDouble() < maleShare ? MALE : FEMALE;
    }

    /** Ages bunch towards the middle of the profile's range (sum of two uniforms). */
    private int age(PersonProfile profile) {
        int span = profile.maxAge() - profile.minAge() + 1;
        return profile.minAge() + (random.nextInt(span) + random.nextInt(span)) / 2;
    }

    private String politicalStatus(PersonProfile profile, int age) {
        String status = profile.politicalStatus().pick(random);
        return LEAGUE_MEMBER.equals(status) && age > LEAGUE_MAX_AGE ? MASSES : status;
    }

    /**
     * 正式党员 joined at least a year ago, at 18 or later, most of them young; 预备党员 within the last
     * year. Everybody else has no join date.
     */
    private LocalDate partyJoinDate(String political, LocalDate birthDate) {
        LocalDate adult = birthDate.plusYears(18);
        if (PROBATIONARY_MEMBER.equals(political)) {
            LocalDate joined = today.minusDays(30 + random.nextInt(300));
            return joined.isBefore(adult) ? adult : joined;
        }
        if (!PARTY_MEMBER.equals(political)) {
            return null;
        }
        LocalDate latest = today.minusYears(1);
        long window = ChronoUnit.DAYS.between(adult, latest);
        double early = random.nextDouble();
        LocalDate joined = adult.plusDays((long) (early * early * Math.min(window, 22L * 365)));
        return joined.isAfter(latest) ? latest : joined;
    }

    /** Work starts after school: 18 for 初中/高中 and vocational, about 20 after 大专, 22 after 本科, 24–25 after 研究生. */
    private LocalDate workStartDate(String education, LocalDate birthDate) {
        int startAge = switch (education.charAt(0)) {
            case '1' -> 24 + random.nextInt(2);
            case '2' -> 22 + random.nextInt(2);
            case '3' -> 20 + random.nextInt(2);
            case '4' -> 18 + random.nextInt(2);
            default -> 18 + random.nextInt(3);
        };
        LocalDate started = birthDate.plusYears(startAge).plusDays(random.nextInt(180));
        LocalDate latest = today.minusDays(30);
        return started.isAfter(latest) ? latest : started;
    }

    private String phone() {
        return MOBILE_PREFIXES.get(random.nextInt(MOBILE_PREFIXES.size())) + String.format("%08d", random.nextInt(100_000_000));
    }
}
