package org.zugong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zugong.organization.OrganizationKind;

class DemoCityTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private final DemoCity city = DemoCity.plan(new Random(20_260_101L), TODAY);
    private final List<OrgSpec> orgs = city.organizations();

    @Test
    void aboutAThousandOrganizationsOfWhichAboutThreeHundredBranches() {
        assertThat(orgs).hasSizeBetween(900, 1_100);
        assertThat(city.branchCount()).isBetween(270L, 360L);
        assertThat(orgs.stream().mapToInt(OrgSpec::people).sum()).isBetween(4_500, 5_500);
    }

    @Test
    void theTreeHasOneRootAndTheLandmarks() {
        assertThat(orgs.get(0).name()).isEqualTo("湘云市");
        assertThat(orgs.get(0).kind()).isEqualTo(OrganizationKind.CITY);
        assertThat(orgs.stream().filter(o -> o.parentKey() == OrgSpec.NONE)).hasSize(1);
        assertThat(orgs.get(city.cityDepartmentKey()).name()).isEqualTo("中共湘云市委组织部");
        assertThat(orgs).anyMatch(o -> o.name().equals("中共湘云市委组织部机关支部委员会")
                && o.parentKey() == city.cityDepartmentKey() && o.unitKey() == city.cityDepartmentKey());
        assertThat(city.counties()).extracting(DemoCity.County::name)
                .containsExactly("青溪县", "云阳区", "白石县", "临江县", "桃源区", "石门县");
        for (DemoCity.County county : city.counties()) {
            assertThat(orgs.get(county.key()).kind()).isEqualTo(OrganizationKind.COUNTY);
            assertThat(orgs.get(county.departmentKey()).name()).isEqualTo("中共" + county.name() + "委组织部");
            assertThat(isUnder(county.departmentKey(), county.key())).isTrue();
        }
    }

    @Test
    void regionsOnlyUnderRegionsAndUnitsAreUnits() {
        for (OrgSpec o : orgs) {
            if (o.parentKey() != OrgSpec.NONE && o.kind().category() == OrganizationKind.Category.REGION) {
                assertThat(orgs.get(o.parentKey()).kind().category()).as(o.name()).isEqualTo(OrganizationKind.Category.REGION);
            }
            if (o.unitKey() != OrgSpec.NONE) {
                assertThat(o.kind().isParty()).as(o.name()).isTrue();
                assertThat(orgs.get(o.unitKey()).kind().category()).as(o.name()).isEqualTo(OrganizationKind.Category.UNIT);
            }
        }
    }

    @Test
    void partyOrganizationsHaveTermsSomeExpiredSomeExpiringSoon() {
        List<OrgSpec> party = orgs.stream().filter(o -> o.kind().isParty()).toList();
        assertThat(party).allMatch(o -> o.termStart() != null && o.termEnd() != null && o.termEnd().isAfter(o.termStart()));
        assertThat(orgs.stream().filter(o -> !o.kind().isParty())).allMatch(o -> o.termStart() == null && o.termEnd() == null);
        long expired = party.stream().filter(o -> o.termEnd().isBefore(TODAY)).count();
        long expiring = party.stream().filter(o -> !o.termEnd().isBefore(TODAY) && o.termEnd().isBefore(TODAY.plusMonths(6))).count();
        assertThat(expired).isBetween(5L, 60L);
        assertThat(expiring).isBetween(5L, 60L);
        for (OrgSpec o : party) {
            boolean villageLevel = o.unitKey() != OrgSpec.NONE
                    && (orgs.get(o.unitKey()).kind() == OrganizationKind.VILLAGE || orgs.get(o.unitKey()).kind() == OrganizationKind.COMMUNITY);
            int years = villageLevel ? 5 : o.kind().defaultTermYears();
            assertThat(o.termEnd().minusYears(years)).as(o.name()).isEqualTo(o.termStart());
        }
    }

    @Test
    void namesAreUniqueAndFitTheColumns() {
        assertThat(orgs.stream().map(OrgSpec::name).distinct()).hasSize(orgs.size());
        assertThat(orgs).allMatch(o -> o.name().length() <= 100 && o.shortName().length() <= 50);
    }

    private boolean isUnder(int key, int ancestor) {
        for (int k = key; k != OrgSpec.NONE; k = orgs.get(k).parentKey()) {
            if (k == ancestor) {
                return true;
            }
        }
        return false;
    }
}
