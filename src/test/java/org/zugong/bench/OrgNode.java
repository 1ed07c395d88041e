package org.zugong.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.zugong.organization.OrganizationKind;

/**
 * A node of the generated tree. Built parent first; {@link OrgTree} then numbers the nodes level by
 * level (as an import of regions, then units, would) and sets id, path and depth.
 */
final class OrgNode {

    private final OrganizationKind kind;
    private final String name;
    private final String regionCode;
    private final OrgNode parent;
    private final OrgNode unit;
    private final Region home;
    private final LocalDate termStart;
    private final LocalDate termEnd;
    private final List<OrgNode> children = new ArrayList<>(4);
    private final int sortOrder;
    private long id;
    private String path;
    private int depth;

    OrgNode(OrganizationKind kind, String name, String regionCode, OrgNode parent, OrgNode unit, Region home,
            LocalDate termStart, LocalDate termEnd) {
        this.kind = kind;
        this.name = name;
        this.regionCode = regionCode;
        this.parent = parent;
        this.unit = unit;
        this.home = home;
        this.termStart = termStart;
        this.termEnd = termEnd;
        this.sortOrder = parent == null ? 0 : parent.children.size() + 1;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    void number(long id) {
        this.id = id;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.path = (parent == null ? "/" : parent.path) + id + "/";
    }

    OrganizationKind kind() {
        return kind;
    }

    String name() {
        return name;
    }

    String regionCode() {
        return regionCode;
    }

    OrgNode parent() {
        return parent;
    }

    /** The unit a Party organization is built in, or null. */
    OrgNode unit() {
        return unit;
    }

    /** The county (or, above the counties, the city or province) whose people work here. */
    Region home() {
        return home;
    }

    LocalDate termStart() {
        return termStart;
    }

    LocalDate termEnd() {
        return termEnd;
    }

    List<OrgNode> children() {
        return children;
    }

    int sortOrder() {
        return sortOrder;
    }

    long id() {
        return id;
    }

    String path() {
        return path;
    }

    int depth() {
        return depth;
    }
}
