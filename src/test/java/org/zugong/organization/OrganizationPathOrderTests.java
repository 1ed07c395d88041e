package org.zugong.organization;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organization paths compare byte by byte (V36), so that one index serves both "the subtree under this path" and
 * "in path order": lists ordered by unit then stop after their first units instead of sorting the whole subtree.
 */
class OrganizationPathOrderTests extends IntegrationTest {

    @Test
    void aSubtreeComesInPathOrderStraightFromTheIndex() {
        String root = jdbc.sql("SELECT path FROM org_organization WHERE parent_id IS NULL ORDER BY id LIMIT 1").query(String.class).single();
        String plan = String.join("\n", jdbc.sql("EXPLAIN SELECT o.id FROM org_organization o WHERE o.path LIKE :p ORDER BY o.path LIMIT 20")
                .param("p", root + "%").query(String.class).list());
        assertThat(plan).contains("org_organization_path_uk").doesNotContain("Sort");

        List<String> paths = jdbc.sql("SELECT o.path FROM org_organization o WHERE o.path LIKE :p ORDER BY o.path")
                .param("p", root + "%").query(String.class).list();
        List<String> byteOrder = new ArrayList<>(paths);
        byteOrder.sort(String::compareTo); // ASCII: UTF-16 order is byte order
        assertThat(paths).hasSizeGreaterThan(100).isEqualTo(byteOrder);
    }
}
