package org.zugong.cadre;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * 法定退休时间 (F15) under the 渐进式延迟法定退休年龄 decision (2024-09-13, in force 2025-01-01).
 * The numbers come from a versioned rule-set file ({@value #DEFAULT_RESOURCE}); this class only
 * implements the kind of computation: old retirement month, delay, new retirement month, age.
 */
public final class RetirementSchedule {

    /** The classpath resource of the 退休2025 rule set. */
    public static final String DEFAULT_RESOURCE = "rules/retirement-2025.properties";

    private final String ruleSet;
    private final String reference;
    private final Map<RetirementGroup, RetirementRule> rules;

    private RetirementSchedule(String ruleSet, String reference, Map<RetirementGroup, RetirementRule> rules) {
        this.ruleSet = ruleSet;
        this.reference = reference;
        this.rules = Map.copyOf(rules);
    }

    /** Loads the default 退休2025 rule set from the classpath. */
    public static RetirementSchedule load() {
        return load(DEFAULT_RESOURCE);
    }

    /** Loads a rule set from a UTF-8 properties resource on the classpath. */
    public static RetirementSchedule load(String resource) {
        Properties properties = readProperties(resource);
        Map<RetirementGroup, RetirementRule> rules = new EnumMap<>(RetirementGroup.class);
        for (RetirementGroup group : RetirementGroup.values()) {
            rules.put(group, ruleFor(group, properties));
        }
        return new RetirementSchedule(required(properties, "ruleSet"), required(properties, "reference"), rules);
    }

    /** 计算退休时间 for a person born in {@code birthMonth} in the given group. */
    public RetirementDate compute(YearMonth birthMonth, RetirementGroup group) {
        RetirementRule rule = rule(group);
        int delay = rule.delayMonths(birthMonth);
        YearMonth retirementMonth = rule.oldRetirementMonth(birthMonth).plusMonths(delay);
        Period age = Period.ofMonths(rule.oldAgeYears() * 12 + delay).normalized();
        return new RetirementDate(retirementMonth, delay, age, ruleSet);
    }

    /** The parameters of one group, with its article text. */
    public RetirementRule rule(RetirementGroup group) {
        return rules.get(group);
    }

    public String ruleSet() {
        return ruleSet;
    }

    public String reference() {
        return reference;
    }

    private static RetirementRule ruleFor(RetirementGroup group, Properties properties) {
        String prefix = group.name() + ".";
        return new RetirementRule(group,
                Integer.parseInt(required(properties, prefix + "oldAgeYears")),
                YearMonth.parse(required(properties, prefix + "reformStart")),
                Integer.parseInt(required(properties, prefix + "monthsPerDelay")),
                Integer.parseInt(required(properties, prefix + "maxDelayMonths")),
                required(properties, prefix + "article"));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("retirement rule set lacks " + key);
        }
        return value.strip();
    }

    private static Properties readProperties(String resource) {
        try (InputStream in = RetirementSchedule.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("retirement rule set not found: " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
