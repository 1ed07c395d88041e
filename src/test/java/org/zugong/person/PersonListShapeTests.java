package org.zugong.person;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.zugong.IntegrationTest;
import org.zugong.platform.db.SqlCondition;

import static org.assertj.core.api.Assertions.assertThat;

/** The organization-first page returns exactly the rows of the plain plan, page after page. */
class PersonListShapeTests extends IntegrationTest {

    @Autowired
    PersonRepository repository;

    @ParameterizedTest
    @CsvSource({"1, , 0", "2, , 1", "3, 王, 0", "4, , 2", "1, 李, 1"})
    void organizationFirstPagesEqualPlainPages(int county, String name, int page) {
        String path = jdbc.sql("SELECT path FROM org_organization WHERE id = :id").param("id", county(county)).query(String.class).single();
        var criteria = new PersonCriteria(null, name, null, 20, 60, null, null);
        var scope = Optional.of(new SqlCondition("o.path LIKE :scopePath", Map.of("scopePath", path + "%")));
        PersonFilter filter = repository.where(criteria, scope, null, path, LocalDate.now());
        assertThat(filter.restrictsOrganizations()).isTrue();
        List<Long> organizationFirst = repository.page(filter, "p.id", page * 20L, 20).stream().map(PersonRepository.ListRow::id).toList();
        List<Long> plain = repository.pageFlat(filter, "p.id", page * 20L, 20).stream().map(PersonRepository.ListRow::id).toList();
        assertThat(organizationFirst).isEqualTo(plain);
        if (name == null && page == 0) {
            assertThat(plain).hasSize(20);
        }
    }
}
