package org.zugong.recruitment;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A versioned rule set of the 发展党员工作细则 — every number the checker uses and the article each rule
 * cites — read from {@code rules/recruitment-<edition>.properties} (细则2014: {@value #DEFAULT_EDITION}).
 */
public record RecruitmentRuleSet(String edition, String name, String reference, int minAgeYears, int talkWithinMonths,
                                 int assessmentIntervalMonths, int activistMinYears, int introducerCount,
                                 int trainingMinDays, int trainingMinHours, int publicNoticeWorkingDays,
                                 List<Timeline.PreReviewLevel> requiredPreReviews, int approvalWithinMonths, int approvalSpecialWithinMonths,
                                 int probationYears, int extensionMaxCount, int extensionMinMonths, int extensionMaxMonths,
                                 int conversionApprovalWithinMonths, Map<DevelopmentRule, String> articles,
                                 Map<String, String> articleTexts) {

    public static final String DEFAULT_EDITION = "2014";
    private static final Pattern EDITION = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public RecruitmentRuleSet {
        requiredPreReviews = List.copyOf(requiredPreReviews);
        articles = Map.copyOf(articles);
        articleTexts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(articleTexts));
    }

    /** The rule set of an edition, or empty when no such file exists on the classpath. */
    public static Optional<RecruitmentRuleSet> load(String edition) {
        if (edition == null || !EDITION.matcher(edition).matches()) {
            return Optional.empty();
        }
        InputStream in = RecruitmentRuleSet.class.getClassLoader().getResourceAsStream("rules/recruitment-" + edition + ".properties");
        if (in == null) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<DevelopmentRule, String> articles = new EnumMap<>(DevelopmentRule.class);
        for (DevelopmentRule rule : DevelopmentRule.values()) {
            articles.put(rule, required(p, "article." + rule.name()));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("text.")).sorted()
                .forEach(k -> texts.put(k.substring("text.".length()), p.getProperty(k).strip()));
        String levels = p.getProperty("preReview.requiredLevels");
        List<Timeline.PreReviewLevel> required = new ArrayList<>();
        if (levels == null) {
            required.addAll(List.of(Timeline.PreReviewLevel.values()));
        } else {
            Arrays.stream(levels.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(Timeline.PreReviewLevel::valueOf).forEach(required::add);
        }
        return Optional.of(new RecruitmentRuleSet(edition, required(p, "ruleSet"), required(p, "reference"),
                number(p, "age.minYears"), number(p, "talk.withinMonths"), number(p, "activist.assessmentIntervalMonths"),
                number(p, "activist.minYears"), number(p, "introducers.count"), number(p, "training.minDays"),
                number(p, "training.minHours"), number(p, "publicNotice.workingDays"), required,
                number(p, "approval.withinMonths"), number(p, "approval.specialWithinMonths"), number(p, "probation.years"), number(p, "extension.maxCount"),
                number(p, "extension.minMonths"), number(p, "extension.maxMonths"),
                number(p, "conversionApproval.withinMonths"), articles, texts));
    }

    public String article(DevelopmentRule rule) {
        return articles.get(rule);
    }

    private static int number(Properties p, String key) {
        return Integer.parseInt(required(p, key));
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("recruitment rule set lacks " + key);
        }
        return value.strip();
    }
}
