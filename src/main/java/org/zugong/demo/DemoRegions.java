package org.zugong.demo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.zugong.platform.codes.CodeTable;

/**
 * The real Hunan county-level codes of GB/T 2260 that demo ID numbers start with, and the native
 * places (籍贯, "湖南长沙") of their prefectures. People mostly come from where their ID was issued.
 */
final class DemoRegions {

    /** A county-level region and the 籍贯 text of the prefecture it belongs to. */
    record County(String code, String nativePlace) {
    }

    private static final String PROVINCE = "湖南";
    private static final double BORN_ELSEWHERE_SHARE = 0.12;

    private final List<County> counties;
    private final List<String> nativePlaces;

    private DemoRegions(List<County> counties, List<String> nativePlaces) {
        if (counties.isEmpty()) {
            throw new IllegalStateException("The region code table has no county-level (level 3) entries");
        }
        this.counties = List.copyOf(counties);
        this.nativePlaces = List.copyOf(nativePlaces);
    }

    /** From the entries of the region code table (columns parent_code and level). */
    static DemoRegions of(Collection<CodeTable.Entry> regionEntries) {
        Map<String, String> prefectures = new HashMap<>();
        List<String> nativePlaces = new ArrayList<>();
        for (CodeTable.Entry e : regionEntries) {
            if ("2".equals(e.attribute("level"))) {
                String place = PROVINCE + shortPrefectureName(e.name());
                prefectures.put(e.code(), place);
                nativePlaces.add(place);
            }
        }
        List<County> counties = new ArrayList<>();
        for (CodeTable.Entry e : regionEntries) {
            String prefecture = prefectures.get(e.attribute("parent_code"));
            if ("3".equals(e.attribute("level")) && prefecture != null) {
                counties.add(new County(e.code(), prefecture));
            }
        }
        return new DemoRegions(counties, nativePlaces);
    }

    County county(Random random) {
        return counties.get(random.nextInt(counties.size()));
    }

    /** 籍贯 of someone whose ID was issued in {@code county}: usually its prefecture. */
    String nativePlace(Random random, County county) {
        return random.nextDouble() < BORN_ELSEWHERE_SHARE
                ? nativePlaces.get(random.nextInt(nativePlaces.size()))
                : county.nativePlace();
    }

    /** 长沙市 → 长沙, 湘西土家族苗族自治州 → 湘西. */
    static String shortPrefectureName(String name) {
        int autonomous = name.indexOf("土家族");
        if (autonomous < 0) {
            autonomous = name.indexOf("自治州");
        }
        if (autonomous > 0) {
            return name.substring(0, autonomous);
        }
        return name.endsWith("市") || name.endsWith("州") ? name.substring(0, name.length() - 1) : name;
    }
}
