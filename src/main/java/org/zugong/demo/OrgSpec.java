package org.zugong.demo;

import java.time.LocalDate;
import org.zugong.organization.OrganizationKind;

/**
 * One planned node of the demo tree, before it has a database id. Nodes refer to each other by
 * {@code key}, their index in the plan; a parent and a unit always come before the nodes that name them.
 *
 * @param parentKey {@link #NONE} for the root
 * @param unitKey   the unit a Party organization is built in, or {@link #NONE}
 * @param workforce who the {@code people} working or living here are; null when {@code people} is 0
 */
record OrgSpec(int key, int parentKey, String name, String shortName, OrganizationKind kind, int unitKey,
               LocalDate termStart, LocalDate termEnd, int sortOrder, Workforce workforce, int people) {

    static final int NONE = -1;

    OrgSpec {
        if (parentKey >= key || unitKey >= key) {
            throw new IllegalArgumentException("parent and unit must be planned before " + name);
        }
        if (people > 0 && workforce == null) {
            throw new IllegalArgumentException("people without a workforce at " + name);
        }
    }

    boolean isBranch() {
        return kind == OrganizationKind.PARTY_BRANCH || kind == OrganizationKind.PARTY_JOINT_BRANCH;
    }
}
