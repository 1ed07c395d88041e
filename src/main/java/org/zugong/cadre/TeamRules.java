package org.zugong.cadre;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * 班子结构 rule set (F16): the young-cadre age line by team level and the expectations (a woman, a
 * young cadre, a non-CPC member) with the team size from which each applies. The numbers come from
 * {@value #DEFAULT_RESOURCE}; they are practice, not national law (rules.md §5 [unconfirmed]), so
 * every gap cites the rule-set name and the reference text of its expectation.
 */
public final class TeamRules {

    public static final String DEFAULT_RESOURCE = "rules/team-structure.properties";

    /** What a team is expected to have. */
    public enum Expectation {
        WOMAN("缺少女干部"),
        YOUNG("缺少年轻干部"),
        NON_PARTY("缺少党外干部");

        private final String gapLabel;

        Expectation(String gapLabel) {
            this.gapLabel = gapLabel;
        }

        public String gapLabel() {
            return gapLabel;
        }
    }

    /** An expectation's parameters: from which team size it applies, and what it rests on. */
    public record ExpectationRule(Expectation expectation, int minMembers, String reference) {
    }

    /** A gap of a team: the expectation, its message, and the rule cited. */
    public record Gap(Expectation expectation, String message, String rule) {
    }

    /** The team-level tiers, from the prefix of {@link RankLeadingPost}, highest first. */
    static final List<String> TIERS = List.of("国家级", "省部级", "厅局级", "县处级", "乡科级");

    private final String ruleSet;
    private final String reference;
    private final Map<String, Integer> youngAges;
    private final Map<Expectation, ExpectationRule> expectations;

    private TeamRules(String ruleSet, String reference, Map<String, Integer> youngAges,
                      Map<Expectation, ExpectationRule> expectations) {
        this.ruleSet = ruleSet;
        this.reference = reference;
        this.youngAges = Map.copyOf(youngAges);
        this.expectations = Map.copyOf(expectations);
    }

    public static TeamRules load() {
        return load(DEFAULT_RESOURCE);
    }

    public static TeamRules load(String resource) {
        Properties p = read(resource);
        Map<String, Integer> ages = new LinkedHashMap<>();
        Integer above = null;
        for (String tier : TIERS.reversed()) {
            String v = p.getProperty("young." + tier);
            if (v != null && !v.isBlank()) {
                ages.put(tier, Integer.parseInt(v.strip()));
                above = ages.get(tier);
            } else if (above != null) {
                ages.put(tier, above); // a higher level without its own line uses the one below it
            } else {
                throw new IllegalStateException("team rule set lacks young." + tier);
            }
        }
        Map<Expectation, ExpectationRule> expectations = new EnumMap<>(Expectation.class);
        for (Expectation e : Expectation.values()) {
            expectations.put(e, new ExpectationRule(e, Integer.parseInt(required(p, e.name() + ".minMembers")),
                    required(p, e.name() + ".reference")));
        }
        return new TeamRules(required(p, "ruleSet"), required(p, "reference"), ages, expectations);
    }

    /** The tier of a leading post level: 县处级正职 → 县处级. */
    static String tier(RankLeadingPost level) {
        return level.name().substring(0, 3);
    }

    /** 年轻干部 age line of a team whose highest post is of this tier. */
    public int youngAge(String tier) {
        Integer age = youngAges.get(tier);
        if (age == null) {
            throw new IllegalArgumentException("unknown level " + tier);
        }
        return age;
    }

    public ExpectationRule rule(Expectation e) {
        return expectations.get(e);
    }

    public String ruleSet() {
        return ruleSet;
    }

    public String reference() {
        return reference;
    }

    /**
     * The gaps of a team with these counts ({@code tier} null for a team without members). The same
     * test runs in SQL for the list of teams with gaps ({@link TeamAnalysis#teamsWithGaps}).
     */
    public List<Gap> gaps(int members, String tier, int women, int young, int nonParty) {
        List<Gap> gaps = new ArrayList<>();
        if (members == 0) {
            return gaps;
        }
        check(gaps, Expectation.WOMAN, members, women, Expectation.WOMAN.gapLabel());
        check(gaps, Expectation.YOUNG, members, young, Expectation.YOUNG.gapLabel() + "（" + youngAge(tier) + "岁以下）");
        check(gaps, Expectation.NON_PARTY, members, nonParty, Expectation.NON_PARTY.gapLabel());
        return gaps;
    }

    private void check(List<Gap> gaps, Expectation e, int members, int count, String message) {
        ExpectationRule r = expectations.get(e);
        if (members >= r.minMembers() && count == 0) {
            gaps.add(new Gap(e, message, ruleSet + "：班子成员" + r.minMembers() + "人及以上的，" + r.reference()));
        }
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("team rule set lacks " + key);
        }
        return v.strip();
    }

    private static Properties read(String resource) {
        try (InputStream in = TeamRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("team rule set not found: " + resource);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
