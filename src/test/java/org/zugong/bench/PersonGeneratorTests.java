package org.zugong.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.zugong.organization.OrganizationKind;
import org.zugong.person.IdNumber;

class PersonGeneratorTests {

    private final ProvinceCodes codes = ProvinceCodes.load();
    private final OrgTree tree = new OrgTreeBuilder(codes, new SplittableRandom(42), ProvinceDataSet.AS_OF).build(20_000);

    private PersonGenerator generator(long persons, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new PersonGenerator(codes, PersonPlacement.of(tree, persons, random), new PersonTraits(codes), random,
                ProvinceDataSet.AS_OF);
    }

    @Test
    void idNumbersAreValidUniqueAndAgreeWithSexAndBirthDate() {
        Set<String> seen = new HashSet<>();
        PersonGenerator g = generator(200_000, 1);
        long n = 0;
        while (g.hasNext()) {
            PersonRow p = g.next();
            n++;
            assertThat(IdNumber.problem(p.idNumber())).isEmpty();
            IdNumber id = IdNumber.parse(p.idNumber());
            assertThat(id.sexCode()).isEqualTo(p.sex());
            assertThat(id.birthDate()).isEqualTo(p.birthDate());
            assertThat(p.birthDate()).isBetween(PersonGenerator.FIRST_BIRTH, PersonGenerator.LAST_BIRTH);
            assertThat(seen.add(p.idNumber())).as("unique %s", p.idNumber()).isTrue();
            assertThat(p.id()).isEqualTo(n);
        }
        assertThat(n).isEqualTo(200_000);
    }

    @Test
    void datesAgreeWithAge() {
        PersonGenerator g = generator(50_000, 2);
        while (g.hasNext()) {
            PersonRow p = g.next();
            LocalDate adult = p.birthDate().plusYears(18);
            assertThat(p.workStartDate()).isAfterOrEqualTo(adult).isBeforeOrEqualTo(ProvinceDataSet.AS_OF);
            if (p.partyJoinDate() != null) {
                assertThat(p.partyJoinDate()).isBeforeOrEqualTo(ProvinceDataSet.AS_OF);
            }
            if ("03".equals(p.politicalStatus())) {
                assertThat(Period.between(p.birthDate(), ProvinceDataSet.AS_OF).getYears()).isLessThanOrEqualTo(28);
            }
        }
    }

    @Test
    void personsWorkInUnitsAndCountiesAreInterleavedNotInBlocks() {
        PersonGenerator g = generator(100_000, 3);
        Map<Long, Long> firstIdByCounty = new HashMap<>();
        Map<Long, Long> lastIdByCounty = new HashMap<>();
        while (g.hasNext()) {
            PersonRow p = g.next();
            OrgNode home = tree.nodes().get((int) p.orgId() - 1);
            assertThat(home.kind().category() == OrganizationKind.Category.UNIT || home.kind() == OrganizationKind.PARTY_BRANCH).isTrue();
            OrgNode county = home;
            while (county != null && county.kind() != OrganizationKind.COUNTY) {
                county = county.parent();
            }
            if (county != null) {
                firstIdByCounty.putIfAbsent(county.id(), p.id());
                lastIdByCounty.put(county.id(), p.id());
            }
        }
        // Every county's persons span most of the id range.
        for (Long county : firstIdByCounty.keySet()) {
            assertThat(lastIdByCounty.get(county) - firstIdByCounty.get(county)).isGreaterThan(50_000);
        }
    }
}
