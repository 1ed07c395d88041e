package org.zugong.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zugong.person.IdNumber;
import org.zugong.platform.codes.CodeTable;

class DemoIdentityTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    void issuedNumbersAreValidAndCarryBirthDateAndSex() {
        Random random = new Random(7);
        DemoIdentity identity = new DemoIdentity();
        for (int i = 0; i < 2_000; i++) {
            LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(45 * 365));
            String sex = random.nextBoolean() ? "1" : "2";
            String number = identity.issue(random, "430102", birth, sex);

            assertThat(IdNumber.problem(number)).as(number).isEmpty();
            IdNumber parsed = IdNumber.parse(number);
            assertThat(parsed.birthDate()).isEqualTo(birth);
            assertThat(parsed.sexCode()).isEqualTo(sex);
            assertThat(parsed.regionCode()).isEqualTo("430102");
        }
    }

    @Test
    void issuedNumbersAreUniqueEvenForTheSameBirthDay() {
        DemoIdentity identity = new DemoIdentity();
        Random random = new Random(1);
        var numbers = new HashSet<String>();
        for (int i = 0; i < 300; i++) {
            numbers.add(identity.issue(random, "430121", LocalDate.of(1980, 5, 1), i % 2 == 0 ? "1" : "2"));
        }
        assertThat(numbers).hasSize(300);
        assertThat(identity.issuedCount()).isEqualTo(300);
    }

    @Test
    void aFullDayIsUsedUpAndThenRefusedInsteadOfRepeating() {
        DemoIdentity identity = new DemoIdentity();
        Random random = new Random(3);
        for (int i = 0; i < 500; i++) {
            identity.issue(random, "430121", LocalDate.of(1990, 1, 1), "1");
        }
        assertThat(identity.issuedCount()).isEqualTo(500);
        assertThat(IdNumber.parse(identity.issue(random, "430121", LocalDate.of(1990, 1, 1), "2")).sexCode())
                .as("women's sequences are apart from men's").isEqualTo("2");
        assertThatThrownBy(() -> identity.issue(random, "430121", LocalDate.of(1990, 1, 1), "1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void generatedPersonsAreConsistent() {
        DemoCity city = DemoCity.plan(new Random(42), TODAY);
        List<DemoPerson> people = people(city, 42);

        assertThat(people).hasSizeBetween(4_500, 5_500);
        assertThat(people.stream().map(DemoPerson::idNumber).distinct()).hasSize(people.size());
        for (DemoPerson p : people) {
            assertThat(IdNumber.problem(p.idNumber())).as(p.idNumber()).isEmpty();
            IdNumber id = IdNumber.parse(p.idNumber());
            assertThat(id.birthDate()).isEqualTo(p.birthDate());
            assertThat(id.sexCode()).isEqualTo(p.sex());
            assertThat(p.birthDate()).isBetween(LocalDate.of(1960, 1, 1), LocalDate.of(2004, 12, 31));
            assertThat(p.phone()).matches("1[358]\\d{9}");
            LocalDate adult = p.birthDate().plusYears(18);
            if (p.politicalStatus().equals("01") || p.politicalStatus().equals("02")) {
                assertThat(p.partyJoinDate()).isNotNull().isAfterOrEqualTo(adult).isBefore(TODAY);
            } else {
                assertThat(p.partyJoinDate()).isNull();
            }
            assertThat(p.workStartDate()).isAfterOrEqualTo(adult).isBefore(TODAY);
            assertThat(p.nativePlace()).startsWith("湖南").doesNotEndWith("市");
        }
    }

    @Test
    void cadresLookLikeCadres() {
        DemoCity city = DemoCity.plan(new Random(42), TODAY);
        List<DemoPerson> cadres = people(city, 42).stream().filter(DemoPerson::cadre).toList();

        assertThat(cadres).hasSizeBetween(500, 700);
        for (DemoPerson c : cadres) {
            var unit = city.organizations().get(c.orgKey()).kind();
            assertThat(unit.name()).isIn("ORGAN", "INSTITUTION");
            assertThat(c.education()).isIn("11", "14", "21");
            int age = c.birthDate().until(TODAY).getYears();
            assertThat(age).isBetween(28, 58);
        }
        long members = cadres.stream().filter(c -> c.politicalStatus().equals("01")).count();
        assertThat(members).isGreaterThan(cadres.size() * 8L / 10);
    }

    @Test
    void theSameSeedGivesTheSamePeople() {
        DemoCity first = DemoCity.plan(new Random(99), TODAY);
        DemoCity second = DemoCity.plan(new Random(99), TODAY);

        assertThat(second.organizations()).isEqualTo(first.organizations());
        assertThat(people(second, 99)).isEqualTo(people(first, 99));
    }

    @Test
    void nativePlacesUseTheShortPrefectureName() {
        assertThat(DemoRegions.shortPrefectureName("长沙市")).isEqualTo("长沙");
        assertThat(DemoRegions.shortPrefectureName("湘西土家族苗族自治州")).isEqualTo("湘西");
    }

    /** The region table as the code-table bean would give it: Changsha and Xiangxi with two counties each. */
    static DemoRegions regions() {
        List<CodeTable.Entry> entries = new ArrayList<>();
        entries.add(region("430000", "湖南省", "", "1"));
        entries.add(region("430100", "长沙市", "430000", "2"));
        entries.add(region("430102", "芙蓉区", "430100", "3"));
        entries.add(region("430121", "长沙县", "430100", "3"));
        entries.add(region("433100", "湘西土家族苗族自治州", "430000", "2"));
        entries.add(region("433101", "吉首市", "433100", "3"));
        entries.add(region("433122", "泸溪县", "433100", "3"));
        return DemoRegions.of(entries);
    }

    private static List<DemoPerson> people(DemoCity city, long seed) {
        return new DemoPeople(new Random(seed), TODAY, DemoNames.load(), regions()).generate(city.organizations());
    }

    private static CodeTable.Entry region(String code, String name, String parent, String level) {
        return new CodeTable.Entry(code, name, java.util.Map.of("parent_code", parent, "level", level));
    }
}
