package org.zugong.bench;

import java.util.List;

/** A region of the national code table (GB/T 2260): the province, a city or a county, with its children. */
record Region(String code, String name, List<Region> children) {

    Region {
        children = List.copyOf(children);
    }

    boolean isUrbanDistrict() {
        return name.endsWith("区");
    }

    /** The name without its last character (市, 县, 区) for use inside unit names: 浏阳市 → 浏阳. */
    String shortName() {
        String base = name.length() > 2 ? name.substring(0, name.length() - 1) : name;
        return base.endsWith("自治") ? base.substring(0, base.length() - 2) : base;
    }
}
