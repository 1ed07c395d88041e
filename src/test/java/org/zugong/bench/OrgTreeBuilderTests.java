package org.zugong.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.zugong.organization.OrganizationKind;

class OrgTreeBuilderTests {

    private final ProvinceCodes codes = ProvinceCodes.load();

    @Test
    void buildsExactlyTheRequestedNumberWithConsistentPaths() {
        OrgTree tree = new OrgTreeBuilder(codes, new SplittableRandom(42), ProvinceDataSet.AS_OF).build(20_000);

        assertThat(tree.nodes()).hasSize(20_000);
        for (int i = 0; i < tree.nodes().size(); i++) {
            OrgNode n = tree.nodes().get(i);
            assertThat(n.id()).isEqualTo(i + 1);
            String expected = (n.parent() == null ? "/" : n.parent().path()) + n.id() + "/";
            assertThat(n.path()).isEqualTo(expected);
            assertThat(n.depth()).isEqualTo(n.path().split("/").length - 2);
            assertThat(n.name().length()).isLessThanOrEqualTo(100);
            if (n.parent() != null) {
                assertThat(n.parent().id()).isLessThan(n.id());
            }
        }
    }

    @Test
    void hasTheRegionsOfTheCodeTableAndRealisticDepth() {
        OrgTree tree = new OrgTreeBuilder(codes, new SplittableRandom(7), ProvinceDataSet.AS_OF).build(20_000);

        assertThat(tree.ofKind(OrganizationKind.COUNTY)).hasSize(codes.counties().size());
        assertThat(tree.ofKind(OrganizationKind.CITY)).hasSize(codes.cities().size() + 1);
        assertThat(tree.maxDepth()).isBetween(5, 7);
        assertThat(tree.nodes().stream().map(OrgNode::kind).collect(Collectors.toSet()))
                .contains(OrganizationKind.TOWNSHIP, OrganizationKind.STREET, OrganizationKind.VILLAGE,
                        OrganizationKind.PARTY_BRANCH, OrganizationKind.PARTY_GENERAL_BRANCH, OrganizationKind.PARTY_JOINT_BRANCH);
    }

    @Test
    void partyOrganizationsHaveTermsAndPointToTheirUnit() {
        OrgTree tree = new OrgTreeBuilder(codes, new SplittableRandom(3), ProvinceDataSet.AS_OF).build(5_000);

        for (OrgNode n : tree.nodes()) {
            if (n.kind().isParty()) {
                assertThat(n.termEnd()).isAfter(n.termStart());
            }
            if (n.unit() != null) {
                assertThat(n.unit().kind().category()).isEqualTo(OrganizationKind.Category.UNIT);
            }
        }
    }

    @Test
    void sameSeedSameTree() {
        var a = new OrgTreeBuilder(codes, new SplittableRandom(9), ProvinceDataSet.AS_OF).build(3_000);
        var b = new OrgTreeBuilder(codes, new SplittableRandom(9), ProvinceDataSet.AS_OF).build(3_000);

        assertThat(a.nodes().stream().map(OrgNode::name).toList()).isEqualTo(b.nodes().stream().map(OrgNode::name).toList());
        assertThat(new HashSet<>(a.nodes().stream().map(OrgNode::path).toList())).hasSize(3_000);
    }
}
