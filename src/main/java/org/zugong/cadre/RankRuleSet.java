package org.zugong.cadre;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * 职级规定2019: the versioned rule set of the 公务员职务与职级并行规定 (2019) — the Art.18 table of minimum
 * years ({@value #DEFAULT_TABLE}) and the other articles' parameters ({@value #DEFAULT_PARAMETERS}).
 *
 * @param ruleSet                  the rule set's id (职级规定2019)
 * @param reference                the regulation's title
 * @param excellentReductionMonths Art.19: months each 优秀 year takes off the requirement (6)
 * @param minimumYearsArticle      第十八条
 * @param assessmentArticle        第十九条
 * @param restrictionArticle       第二十一条
 * @param demotionArticle          第二十二条
 * @param rules                    the Art.18 rows
 */
public record RankRuleSet(String ruleSet, String reference, int excellentReductionMonths, String minimumYearsArticle,
                          String assessmentArticle, String restrictionArticle, String demotionArticle,
                          List<RankPromotionRule> rules) {

    public static final String DEFAULT_TABLE = "rules/rank-2019.csv";
    public static final String DEFAULT_PARAMETERS = "rules/rank-2019.properties";

    public RankRuleSet {
        rules = List.copyOf(rules);
    }

    /** Loads the default 职级规定2019 rule set from the classpath. */
    public static RankRuleSet load() {
        return load(DEFAULT_TABLE, DEFAULT_PARAMETERS);
    }

    /** Loads a rule set from a UTF-8 CSV table and a UTF-8 properties file on the classpath. */
    public static RankRuleSet load(String tableResource, String parametersResource) {
        Properties p = new Properties();
        List<RankPromotionRule> rules;
        try (BufferedReader table = open(tableResource); BufferedReader parameters = open(parametersResource)) {
            p.load(parameters);
            rules = table.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("target,"))
                    .map(RankRuleSet::parseRow)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RankRuleSet(required(p, "ruleSet"), required(p, "reference"),
                Integer.parseInt(required(p, "excellentReductionMonths")), required(p, "article.minimumYears"),
                required(p, "article.assessment"), required(p, "article.restriction"),
                required(p, "article.demotion"), rules);
    }

    /** The Art.18 row promoting from the given rank or leading post, if the table has one. */
    public Optional<RankPromotionRule> ruleFrom(RankPosition current) {
        return rules.stream().filter(rule -> rule.from().contains(current)).findFirst();
    }

    private static RankPromotionRule parseRow(String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != 4) {
            throw new IllegalStateException("rank rule row needs 4 cells: " + line);
        }
        List<RankPosition> from = Arrays.stream(cells[1].split("\\|")).map(RankPosition::ofChineseName).toList();
        return new RankPromotionRule(Rank.valueOf(cells[0].strip()), from, Integer.parseInt(cells[2].strip()),
                cells[3].strip());
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("rank rule set lacks " + key);
        }
        return value.strip();
    }

    private static BufferedReader open(String resource) {
        InputStream in = RankRuleSet.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("rank rule set not found: " + resource);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
