package org.zugong.cadre;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zugong.IntegrationTest;
import org.zugong.platform.security.Actor;
import org.zugong.platform.security.DataScope;
import org.zugong.platform.security.ScopeGrant;
import org.zugong.platform.crypto.FieldCipher;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;

/** The organization-first cadre search returns exactly the rows and totals of the plain plan, page after page. */
class CadreSearchShapeTests extends IntegrationTest {

    @Autowired
    FieldCipher cipher;
    @Autowired
    CadreSearch search;

    private CadreFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new CadreFixture(jdbc, cipher);
        long a = fixture.unit(county(1), "形状测试单位甲");
        long b = fixture.unit(county(1), "形状测试单位乙");
        long c = fixture.unit(county(2), "形状测试单位丙");
        for (int i = 0; i < 45; i++) {
            long unit = i % 3 == 0 ? b : i % 7 == 0 ? c : a;
            long id = fixture.cadre(unit, "形状" + i, i % 2 == 0 ? "1" : "2", LocalDate.of(1970 + i % 25, 1 + i % 12, 10),
                    i % 2 == 0 ? RetirementGroup.MALE_60 : RetirementGroup.FEMALE_55);
            jdbc.sql("UPDATE cadre_profile SET rank = :rank, rank_since = :since, category = '公务员' WHERE person_id = :p")
                    .param("rank", i % 4 == 0 ? Rank.四级主任科员.name() : Rank.一级科员.name())
                    .param("since", LocalDate.of(2018 + i % 7, 3, 1)).param("p", id).update();
        }
    }

    @AfterEach
    void tearDown() {
        fixture.cleanup();
        SecurityContextHolder.clearContext();
    }

    private static CadreCriteria criteria(Long orgId, String sex, String rank, Integer yearsInRankMin) {
        return new CadreCriteria(orgId, null, null, null, sex, null, null, null, rank, null, null, null, null, yearsInRankMin, null, null);
    }

    private void assertSameBothWays(CadreCriteria criteria) {
        for (int page = 0; page < 4; page++) {
            PageResult<CadreRow> first = search.search(criteria, PageRequest.of(page, 10), null, null, true);
            PageResult<CadreRow> plain = search.search(criteria, PageRequest.of(page, 10), null, null, false);
            assertThat(first.content().stream().map(CadreRow::personId).toList())
                    .isEqualTo(plain.content().stream().map(CadreRow::personId).toList());
            assertThat(first.content()).isEqualTo(plain.content());
            assertThat(first.page().totalElements()).isEqualTo(plain.page().totalElements());
        }
    }

    @Test
    void chosenSubtreeGivesThePlainPlansPagesAndTotals() {
        actAsCityUser();
        assertSameBothWays(criteria(county(1), null, null, null));
        assertSameBothWays(criteria(county(1), "1", null, null));
        assertSameBothWays(criteria(county(1), null, Rank.四级主任科员.name(), 2));
        assertThat(search.search(criteria(county(1), null, null, null), PageRequest.of(0, 10), null, null, true)
                .page().totalElements()).isGreaterThanOrEqualTo(39);
    }

    @Test
    void jurisdictionBelowEverythingGivesThePlainPlansPagesAndTotals() {
        actAs(new Actor(1, "county-shape-test", "测试", county(1), "测试县", null, Set.of("cadre:read"),
                List.of(new ScopeGrant(DataScope.CUSTOM, Set.of(county(1))))));
        assertSameBothWays(criteria(null, null, null, null));
        assertSameBothWays(criteria(null, "2", Rank.一级科员.name(), 1));
        assertThat(search.search(criteria(null, null, null, null), PageRequest.of(0, 100), null, null, true).content())
                .extracting(CadreRow::name).noneMatch(n -> n.equals("形状7") || n.equals("形状14"));
    }
}
