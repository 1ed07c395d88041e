package org.zugong.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zugong.IntegrationTest;
import org.zugong.platform.security.Actor;
import org.zugong.platform.security.DataScope;
import org.zugong.platform.security.ScopeGrant;
import org.zugong.platform.web.FieldErrors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Moving a subtree rewrites every descendant's path and depth at once, and jurisdiction follows. */
class OrganizationMoveTests extends IntegrationTest {

    @Autowired
    OrganizationEditor editor;

    @Autowired
    Organizations organizations;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    /** Builds a subtree of exactly {@code size} organizations under {@code parentId}: 10 levels deep, fanned out. */
    private long buildSubtree(long parentId, int size) {
        long root = editor.create(new OrganizationForm(parentId, "测试子树根", null, OrganizationKind.ORGAN, null, null, null, null, 0, null));
        List<Long> frontier = new ArrayList<>(List.of(root));
        int created = 1;
        int level = 0;
        while (created < size) {
            List<Long> next = new ArrayList<>();
            for (Long p : frontier) {
                for (int i = 0; i < 4 && created < size; i++) {
                    next.add(editor.create(new OrganizationForm(p, "测试组织" + level + "-" + created, null,
                            i % 2 == 0 ? OrganizationKind.PARTY_BRANCH : OrganizationKind.INSTITUTION, null, null, null, null, i, null)));
                    created++;
                }
            }
            frontier = next;
            level++;
        }
        return root;
    }

    private int version(long id) {
        return jdbc.sql("SELECT version FROM org_organization WHERE id = :id").param("id", id).query(Integer.class).single();
    }

    @Test
    void movingASubtreeOfAThousandKeepsEveryPathAndJurisdictionRight() {
        actAsCityUser();
        long county1 = county(1);
        long county2 = county(2);
        long root = buildSubtree(county1, 1000);
        long leaf = jdbc.sql("SELECT id FROM org_organization WHERE path LIKE (SELECT path FROM org_organization WHERE id = :r) || '%' ORDER BY depth DESC, id LIMIT 1")
                .param("r", root).query(Long.class).single();

        Actor county1User = new Actor(9001, "t1", "t1", county1, "", null, Set.of("org:read"), List.of(new ScopeGrant(DataScope.CUSTOM, Set.of(county1))));
        Actor county2User = new Actor(9002, "t2", "t2", county2, "", null, Set.of("org:read"), List.of(new ScopeGrant(DataScope.CUSTOM, Set.of(county2))));
        Actor subtreeUser = new Actor(9003, "t3", "t3", root, "", null, Set.of("org:read"), List.of(new ScopeGrant(DataScope.ORG_AND_BELOW, Set.of())));
        String leafPathBefore = jdbc.sql("SELECT path FROM org_organization WHERE id = :id").param("id", leaf).query(String.class).single();
        assertThat(organizations.jurisdictionOf(county1User).covers(leafPathBefore, leaf)).isTrue();
        assertThat(organizations.jurisdictionOf(county2User).covers(leafPathBefore, leaf)).isFalse();

        int moved = editor.move(root, county2, version(root));

        assertThat(moved).isEqualTo(1000);
        // Every node's path is its parent's path plus its own id, and its depth matches.
        List<Map<String, Object>> broken = jdbc.sql("""
                SELECT c.id FROM org_organization c JOIN org_organization p ON p.id = c.parent_id
                WHERE c.path <> p.path || c.id || '/' OR c.depth <> p.depth + 1
                """).query().listOfRows();
        assertThat(broken).isEmpty();
        String county2Path = jdbc.sql("SELECT path FROM org_organization WHERE id = :id").param("id", county2).query(String.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM org_organization WHERE path LIKE :p").param("p", county2Path + root + "/%")
                .query(Long.class).single()).isEqualTo(1000L);

        String leafPathAfter = jdbc.sql("SELECT path FROM org_organization WHERE id = :id").param("id", leaf).query(String.class).single();
        assertThat(organizations.jurisdictionOf(county1User).covers(leafPathAfter, leaf)).isFalse();
        assertThat(organizations.jurisdictionOf(county2User).covers(leafPathAfter, leaf)).isTrue();
        assertThat(organizations.jurisdictionOf(subtreeUser).covers(leafPathAfter, leaf)).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM org_history WHERE organization_id = :id AND change = 'MOVE'").param("id", root)
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void crossingConcurrentMovesCannotMakeACycleOrStalePaths() throws Exception {
        actAsCityUser();
        long a = editor.create(new OrganizationForm(county(6), "并发甲", null, OrganizationKind.ORGAN, null, null, null, null, 0, null));
        long b = editor.create(new OrganizationForm(county(6), "并发乙", null, OrganizationKind.ORGAN, null, null, null, null, 0, null));
        editor.create(new OrganizationForm(a, "并发甲下级", null, OrganizationKind.PARTY_BRANCH, null, null, null, null, 0, null));
        editor.create(new OrganizationForm(b, "并发乙下级", null, OrganizationKind.PARTY_BRANCH, null, null, null, null, 0, null));
        var start = new java.util.concurrent.CountDownLatch(1);
        java.util.function.Function<long[], java.util.concurrent.CompletableFuture<Boolean>> mover = pair ->
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    actAsCityUser();
                    try {
                        start.await();
                        editor.move(pair[0], pair[1], version(pair[0]));
                        return true;
                    } catch (RuntimeException | InterruptedException e) {
                        return false;
                    }
                });
        var first = mover.apply(new long[] {a, b});
        var second = mover.apply(new long[] {b, a});
        start.countDown();
        boolean ok1 = first.get(30, java.util.concurrent.TimeUnit.SECONDS);
        boolean ok2 = second.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(ok1 ^ ok2).as("exactly one of two crossing moves succeeds").isTrue();
        List<Map<String, Object>> broken = jdbc.sql("""
                SELECT c.id FROM org_organization c JOIN org_organization p ON p.id = c.parent_id
                WHERE c.path <> p.path || c.id || '/' OR c.depth <> p.depth + 1
                """).query().listOfRows();
        assertThat(broken).isEmpty();
    }

    @Test
    void cannotMoveANodeUnderItsOwnDescendant() {
        actAsCityUser();
        long root = editor.create(new OrganizationForm(county(3), "环路测试", null, OrganizationKind.ORGAN, null, null, null, null, 0, null));
        long child = editor.create(new OrganizationForm(root, "环路测试下级", null, OrganizationKind.PARTY_BRANCH, null, null, null, null, 0, null));
        String pathBefore = jdbc.sql("SELECT path FROM org_organization WHERE id = :id").param("id", root).query(String.class).single();
        assertThatThrownBy(() -> editor.move(root, child, version(root))).isInstanceOf(FieldErrors.class)
                .hasMessageContaining("自身或其下级");
        assertThat(jdbc.sql("SELECT path FROM org_organization WHERE id = :id").param("id", root).query(String.class).single()).isEqualTo(pathBefore);
    }

    @Test
    void moveFromAStaleVersionIsAConflictAndMovesNothing() {
        actAsCityUser();
        long node = editor.create(new OrganizationForm(county(4), "版本测试", null, OrganizationKind.ORGAN, null, null, null, null, 0, null));
        editor.update(node, new OrganizationForm(null, "版本测试（改）", null, OrganizationKind.ORGAN, null, null, null, null, 0, 0));
        String pathBefore = jdbc.sql("SELECT path FROM org_organization WHERE id = :id").param("id", node).query(String.class).single();
        assertThatThrownBy(() -> editor.move(node, county(5), 0)).isInstanceOf(org.zugong.platform.web.EditConflictException.class);
        assertThat(jdbc.sql("SELECT path FROM org_organization WHERE id = :id").param("id", node).query(String.class).single()).isEqualTo(pathBefore);
    }

    @Test
    void deactivationKeepsTheRecordAndRefusesWhileChildrenAreActive() {
        actAsCityUser();
        long parent = editor.create(new OrganizationForm(county(5), "撤销测试", null, OrganizationKind.ORGAN, null, null, null, null, 0, null));
        long child = editor.create(new OrganizationForm(parent, "撤销测试支部", null, OrganizationKind.PARTY_BRANCH, null, null,
                java.time.LocalDate.of(2024, 1, 1), null, 0, null));
        assertThat(jdbc.sql("SELECT term_end FROM org_organization WHERE id = :id").param("id", child).query(java.time.LocalDate.class).single())
                .isEqualTo(java.time.LocalDate.of(2027, 1, 1));
        assertThatThrownBy(() -> editor.deactivate(parent, "合并", version(parent)))
                .isInstanceOf(org.zugong.platform.web.BusinessRuleException.class).hasMessageContaining("未撤销的下级");
        editor.deactivate(child, "合并到其他支部", version(child));
        editor.deactivate(parent, "机构改革撤销", version(parent));
        assertThat(jdbc.sql("SELECT active FROM org_organization WHERE id = :id").param("id", parent).query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("SELECT deactivation_reason FROM org_organization WHERE id = :id").param("id", parent).query(String.class).single())
                .isEqualTo("机构改革撤销");
    }
}
