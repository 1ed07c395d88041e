package org.zugong.bench;

import static org.zugong.organization.OrganizationKind.CITY;
import static org.zugong.organization.OrganizationKind.COMMUNITY;
import static org.zugong.organization.OrganizationKind.COUNTY;
import static org.zugong.organization.OrganizationKind.INSTITUTION;
import static org.zugong.organization.OrganizationKind.NEW_ORGANIZATION;
import static org.zugong.organization.OrganizationKind.ORGAN;
import static org.zugong.organization.OrganizationKind.PARTY_BRANCH;
import static org.zugong.organization.OrganizationKind.PARTY_COMMITTEE;
import static org.zugong.organization.OrganizationKind.PARTY_GENERAL_BRANCH;
import static org.zugong.organization.OrganizationKind.PARTY_JOINT_BRANCH;
import static org.zugong.organization.OrganizationKind.PARTY_WORKING_COMMITTEE;
import static org.zugong.organization.OrganizationKind.SCHOOL;
import static org.zugong.organization.OrganizationKind.STATE_ENTERPRISE;
import static org.zugong.organization.OrganizationKind.STREET;
import static org.zugong.organization.OrganizationKind.TOWNSHIP;
import static org.zugong.organization.OrganizationKind.VILLAGE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.zugong.organization.OrganizationKind;

/**
 * Builds a province tree of exactly the requested size: the province, its cities and counties from the
 * region code table, then under each region its organs, institutions, schools, state enterprises and
 * 两新 organizations, and under each county its townships and streets with villages and communities,
 * each unit with its Party organization (支部, or 总支 with 支部 under it; 党委 in state enterprises;
 * 联合党支部 over small 两新 organizations). Depth goes to 6 (province 0 → village 4 → 总支 5 → 支部 6).
 * Every region gets a budget of nodes in proportion to a skewed weight; the budget is spent package by
 * package, so that the total is exact.
 */
final class OrgTreeBuilder {

    /** Share of a county's nodes directly under the county (its own organs, schools, ...); the rest goes to townships. */
    private static final double COUNTY_LEVEL_SHARE = 0.42;
    private static final int NODES_PER_TOWNSHIP = 60;

    private enum RegionPackage { ORGAN, INSTITUTION, SCHOOL, STATE_ENTERPRISE, NEW_ORGANIZATION, NEW_ORGANIZATION_GROUP }

    private enum TownshipPackage { VILLAGE, SCHOOL, INSTITUTION, NEW_ORGANIZATION, NEW_ORGANIZATION_GROUP }

    private static final Distribution<RegionPackage> REGION_MIX = Distribution.of(
            RegionPackage.ORGAN, 30, RegionPackage.INSTITUTION, 18, RegionPackage.SCHOOL, 12,
            RegionPackage.STATE_ENTERPRISE, 5, RegionPackage.NEW_ORGANIZATION, 15, RegionPackage.NEW_ORGANIZATION_GROUP, 12);
    private static final Distribution<TownshipPackage> TOWNSHIP_MIX = Distribution.of(
            TownshipPackage.VILLAGE, 62, TownshipPackage.SCHOOL, 8, TownshipPackage.INSTITUTION, 8,
            TownshipPackage.NEW_ORGANIZATION, 16, TownshipPackage.NEW_ORGANIZATION_GROUP, 6);

    /** Nodes still to create inside one region. */
    private static final class Budget {
        private int left;

        Budget(int left) {
            this.left = left;
        }

        boolean has() {
            return left > 0;
        }

        boolean has(int n) {
            return left >= n;
        }

        void take() {
            if (left <= 0) {
                throw new IllegalStateException("budget exceeded");
            }
            left--;
        }
    }

    /** Running indexes into the name lists of one region, so that 组织部 appears once per county. */
    private static final class RegionCounters {
        int organ;
        int institution;
        int school;
    }

    private final ProvinceCodes codes;
    private final RandomGenerator random;
    private final OrgNames names;
    private final LocalDate asOf;

    OrgTreeBuilder(ProvinceCodes codes, RandomGenerator random, LocalDate asOf) {
        this.codes = codes;
        this.random = random;
        this.names = new OrgNames(random);
        this.asOf = asOf;
    }

    OrgTree build(int total) {
        Region province = codes.province();
        List<Region> cities = codes.cities();
        List<Region> counties = codes.counties();
        int fixed = 1 + cities.size() + counties.size();
        if (total < fixed * 4) {
            throw new IllegalArgumentException("at least " + fixed * 4 + " organizations are needed for this region table");
        }
        OrgNode root = new OrgNode(CITY, province.name(), province.code(), null, null, province, null, null);
        List<OrgNode> cityNodes = new ArrayList<>();
        List<OrgNode> countyNodes = new ArrayList<>();
        for (Region city : cities) {
            OrgNode cityNode = new OrgNode(CITY, city.name(), city.code(), root, null, city, null, null);
            cityNodes.add(cityNode);
            for (Region county : city.children()) {
                countyNodes.add(new OrgNode(COUNTY, county.name(), county.code(), cityNode, null, county, null, null));
            }
        }
        // Content budgets, in the order: province, each city, each county.
        double[] countyWeights = counties.stream().mapToDouble(this::countyWeight).toArray();
        double[] weights = new double[1 + cities.size() + counties.size()];
        weights[0] = 1.2;
        int k = 0;
        for (int c = 0; c < cities.size(); c++) {
            double sum = 0;
            for (int j = 0; j < cities.get(c).children().size(); j++) {
                sum += countyWeights[k + j];
            }
            k += cities.get(c).children().size();
            weights[1 + c] = 0.12 * sum;
        }
        System.arraycopy(countyWeights, 0, weights, 1 + cities.size(), counties.size());
        Apportionment budgets = Apportionment.of(weights, total - fixed);

        regionUnits(root, province, new Budget(budgets.share(0)), true);
        for (int c = 0; c < cityNodes.size(); c++) {
            regionUnits(cityNodes.get(c), cities.get(c), new Budget(budgets.share(1 + c)), false);
        }
        for (int c = 0; c < countyNodes.size(); c++) {
            countyContents(countyNodes.get(c), counties.get(c), budgets.share(1 + cities.size() + c));
        }
        OrgTree tree = new OrgTree(root);
        if (tree.nodes().size() != total) {
            throw new IllegalStateException("built " + tree.nodes().size() + " organizations instead of " + total);
        }
        return tree;
    }

    private double countyWeight(Region county) {
        return Math.exp(0.35 * random.nextGaussian()) * (county.isUrbanDistrict() ? 0.85 : 1.0);
    }

    private void regionUnits(OrgNode region, Region home, Budget b, boolean provinceLevel) {
        RegionCounters counters = new RegionCounters();
        if (b.has()) {
            add(b, PARTY_COMMITTEE, names.committee(home.name()), region, null, home);
        }
        while (b.has()) {
            switch (REGION_MIX.pick(random)) {
                case ORGAN -> unitWithParty(b, region, home, ORGAN, names.organ(home, counters.organ++), 0.15);
                case INSTITUTION -> unitWithParty(b, region, home, INSTITUTION, names.institution(home, counters.institution++), 0.2);
                case SCHOOL -> unitWithParty(b, region, home, SCHOOL, names.school(home, counters.school++, provinceLevel),
                        provinceLevel ? 0.8 : 0.25);
                case STATE_ENTERPRISE -> stateEnterprise(b, region, home);
                case NEW_ORGANIZATION -> unitWithParty(b, region, home, NEW_ORGANIZATION, names.newOrganization(home), 0.05);
                case NEW_ORGANIZATION_GROUP -> newOrganizationGroup(b, region, home);
            }
        }
    }

    private void countyContents(OrgNode county, Region home, int budget) {
        int countyLevel = (int) Math.round(budget * COUNTY_LEVEL_SHARE);
        int townshipNodes = budget - countyLevel;
        regionUnits(county, home, new Budget(countyLevel), false);
        int townships = Math.max(1, Math.round(townshipNodes / (float) NODES_PER_TOWNSHIP));
        double[] weights = new double[townships];
        for (int i = 0; i < townships; i++) {
            weights[i] = Math.exp(0.3 * random.nextGaussian());
        }
        Apportionment split = Apportionment.of(weights, townshipNodes);
        boolean urban = home.isUrbanDistrict();
        for (int i = 0; i < townships; i++) {
            Budget b = new Budget(split.share(i));
            if (b.has()) {
                township(county, home, b, random.nextDouble() < (urban ? 0.65 : 0.1));
            }
        }
    }

    private void township(OrgNode county, Region home, Budget b, boolean street) {
        OrgNode township = add(b, street ? STREET : TOWNSHIP, names.township(street), county, null, home);
        if (!b.has()) {
            return;
        }
        OrgNode committee = street
                ? add(b, PARTY_WORKING_COMMITTEE, names.workingCommittee(township.name()), township, null, home)
                : add(b, PARTY_COMMITTEE, names.committee(township.name()), township, null, home);
        if (b.has()) {
            unitWithParty(b, township, home, ORGAN, names.townshipGovernment(township), 0.0);
        }
        if (b.has()) {
            add(b, PARTY_BRANCH, names.retireesBranch(committee), committee, null, home);
        }
        while (b.has()) {
            switch (TOWNSHIP_MIX.pick(random)) {
                case VILLAGE -> {
                    boolean community = street ? random.nextDouble() < 0.9 : random.nextDouble() < 0.1;
                    unitWithParty(b, township, home, community ? COMMUNITY : VILLAGE, names.village(community), 0.3);
                }
                case SCHOOL -> unitWithParty(b, township, home, SCHOOL, names.townshipSchool(township), 0.1);
                case INSTITUTION -> unitWithParty(b, township, home, INSTITUTION, names.townshipInstitution(township), 0.05);
                case NEW_ORGANIZATION -> unitWithParty(b, township, home, NEW_ORGANIZATION, names.newOrganization(home), 0.0);
                case NEW_ORGANIZATION_GROUP -> newOrganizationGroup(b, township, home);
            }
        }
    }

    /** A unit with its Party organization: a 支部, or (with the given chance) a 总支 with two to four 支部. */
    private void unitWithParty(Budget b, OrgNode parent, Region home, OrganizationKind kind, String name, double generalChance) {
        OrgNode unit = add(b, kind, name, parent, null, home);
        if (!b.has()) {
            return;
        }
        if (b.has(3) && random.nextDouble() < generalChance) {
            OrgNode general = add(b, PARTY_GENERAL_BRANCH, names.generalBranch(unit), unit, unit, home);
            int branches = 2 + random.nextInt(3);
            for (int i = 1; i <= branches && b.has(); i++) {
                add(b, PARTY_BRANCH, names.numberedBranch(unit, i), general, unit, home);
            }
        } else {
            add(b, PARTY_BRANCH, names.branch(unit), unit, unit, home);
        }
    }

    /** A state enterprise with its 党委 and two to six 支部 under it. */
    private void stateEnterprise(Budget b, OrgNode parent, Region home) {
        OrgNode enterprise = add(b, STATE_ENTERPRISE, names.stateEnterprise(home), parent, null, home);
        if (!b.has()) {
            return;
        }
        OrgNode committee = add(b, PARTY_COMMITTEE, names.committee(enterprise.name()), enterprise, enterprise, home);
        int branches = 2 + random.nextInt(5);
        for (int i = 1; i <= branches && b.has(); i++) {
            add(b, PARTY_BRANCH, names.numberedBranch(enterprise, i), committee, enterprise, home);
        }
    }

    /** Three to five small 两新 organizations sharing one 联合党支部 (hung under the first of them). */
    private void newOrganizationGroup(Budget b, OrgNode parent, Region home) {
        int size = 3 + random.nextInt(3);
        List<OrgNode> units = new ArrayList<>(size);
        for (int i = 0; i < size && b.has(); i++) {
            units.add(add(b, NEW_ORGANIZATION, names.newOrganization(home), parent, null, home));
        }
        if (b.has()) {
            OrgNode first = units.getFirst();
            add(b, PARTY_JOINT_BRANCH, names.jointBranch(first, units.size()), first, first, home);
        }
    }

    private OrgNode add(Budget b, OrganizationKind kind, String name, OrgNode parent, OrgNode unit, Region home) {
        b.take();
        int years = kind.defaultTermYears();
        if (years == 0) {
            return new OrgNode(kind, name, null, parent, unit, home, null, null);
        }
        // Elected within one term ago, plus half a year, so that a few terms have run out (换届提醒).
        LocalDate start = asOf.minusDays(random.nextInt(years * 365 + 180));
        return new OrgNode(kind, name, null, parent, unit, home, start, start.plusYears(years));
    }
}
