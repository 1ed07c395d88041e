package org.zugong.bench;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.random.RandomGenerator;
import org.zugong.organization.OrganizationKind;

/**
 * Where the persons work, and in which order they are registered. Each unit gets a head count from
 * its kind (a state enterprise employs more than a 两新 shop) times a log-normal factor, scaled to the
 * exact total. Registration goes roster by roster — one unit's persons together, as an Excel import
 * per unit would — with the units in random order, so the persons of a county are spread over the
 * whole id range instead of sitting in one block ({@link Order#ROSTERS}). {@link Order#COUNTY_BY_COUNTY}
 * is the adversarial alternative: a migration that loaded one county after the other, so each county's
 * persons form one contiguous id block.
 */
final class PersonPlacement {

    /** The order persons are registered in, which decides how a county's persons spread over the ids. */
    enum Order {
        /** Unit rosters in random order: every county's persons spread over the whole id range. */
        ROSTERS,
        /** County after county (rosters shuffled within a county): each county one contiguous id block. */
        COUNTY_BY_COUNTY
    }

    private final OrgTree tree;
    private final int[] unitOrder;
    private final int[] headCounts;
    private final long total;

    private PersonPlacement(OrgTree tree, int[] unitOrder, int[] headCounts, long total) {
        this.tree = tree;
        this.unitOrder = unitOrder;
        this.headCounts = headCounts;
        this.total = total;
    }

    static PersonPlacement of(OrgTree tree, long persons, RandomGenerator random) {
        return of(tree, persons, random, Order.ROSTERS);
    }

    static PersonPlacement of(OrgTree tree, long persons, RandomGenerator random, Order registration) {
        int n = tree.nodes().size();
        double[] weights = new double[n];
        int units = 0;
        for (int i = 0; i < n; i++) {
            OrgNode node = tree.nodes().get(i);
            double base = baseHeadCount(node);
            if (base > 0) {
                double level = node.parent() != null && node.parent().depth() <= 1 ? 1.5 : 1.0;
                weights[i] = base * level * Math.exp(0.8 * random.nextGaussian());
                units++;
            }
        }
        Apportionment counts = Apportionment.of(weights, persons);
        int[] order = new int[units];
        int[] heads = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            heads[i] = counts.share(i);
            if (weights[i] > 0) {
                order[k++] = i;
            }
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        if (registration == Order.COUNTY_BY_COUNTY) {
            order = java.util.Arrays.stream(order).boxed()
                    .sorted(java.util.Comparator.comparing((Integer i) -> countyPath(tree.nodes().get(i))))
                    .mapToInt(Integer::intValue).toArray();
        }
        return new PersonPlacement(tree, order, heads, persons);
    }

    /** The path of the node's county, or of the node's region above the counties ("" sorts those first). */
    private static String countyPath(OrgNode node) {
        for (OrgNode n = node; n != null; n = n.parent()) {
            if (n.kind() == OrganizationKind.COUNTY) {
                return n.path();
            }
        }
        return "";
    }

    /** Mean head count of a unit of this kind; Party organizations hold only members without a unit. */
    private static double baseHeadCount(OrgNode node) {
        OrganizationKind kind = node.kind();
        return switch (kind) {
            case ORGAN -> 40;
            case INSTITUTION -> 55;
            case SCHOOL -> 60;
            case STATE_ENTERPRISE -> 110;
            case NEW_ORGANIZATION -> 10;
            case VILLAGE -> 35;
            case COMMUNITY -> 28;
            case PARTY_BRANCH -> node.unit() == null ? 25 : 0;
            default -> 0;
        };
    }

    long total() {
        return total;
    }

    int headCount(OrgNode node) {
        return headCounts[Math.toIntExact(node.id() - 1)];
    }

    /** The home organization of each person, in registration order. */
    Iterator<OrgNode> homes() {
        return new Iterator<>() {
            private int unit = -1;
            private int left = 0;
            private long given = 0;

            @Override
            public boolean hasNext() {
                return given < total;
            }

            @Override
            public OrgNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                while (left == 0) {
                    unit++;
                    left = headCounts[unitOrder[unit]];
                }
                left--;
                given++;
                return tree.nodes().get(unitOrder[unit]);
            }
        };
    }
}
