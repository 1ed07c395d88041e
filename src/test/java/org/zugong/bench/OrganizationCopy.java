package org.zugong.bench;

/** The COPY statement and row encoding of org_organization. */
final class OrganizationCopy {

    static final String SQL = """
            COPY org_organization (id, parent_id, path, depth, name, short_name, kind, region_code, unit_id, term_start,
                term_end, sort_order, active, created_by, updated_by) FROM STDIN WITH (FORMAT text, FREEZE true)""";

    private OrganizationCopy() {
    }

    static void encode(OrgNode node, CopyText row) {
        row.number(node.id())
                .number(node.parent() == null ? null : node.parent().id())
                .text(node.path())
                .number(node.depth())
                .text(node.name())
                .nothing()
                .text(node.kind().name())
                .text(node.regionCode())
                .number(node.unit() == null ? null : node.unit().id())
                .date(node.termStart())
                .date(node.termEnd())
                .number(node.sortOrder())
                .bool(true)
                .text(ProvinceDataSet.CREATED_BY)
                .text(ProvinceDataSet.CREATED_BY)
                .endRow();
    }
}
