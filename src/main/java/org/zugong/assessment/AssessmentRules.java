package org.zugong.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.zugong.cadre.AnnualGrade;

/**
 * The numbers of the assessment rule set (rules/assessment-2020.properties): quota percentages, the
 * 公示 length, the routine 好 cap and the rule that suggests an annual grade from the routine grades.
 */
public record AssessmentRules(String ruleSet, String reference, int excellentPercent, int approvedMaxPercent,
                              int publicityWorkingDays, Integer routineGoodCapPercent, int suggestExcellentMinGood,
                              Set<RoutineGrade> suggestExcellentForbidden, int suggestBasicMinOrdinary,
                              boolean suggestBasicAnyPoor) {

    public static final String RESOURCE = "rules/assessment-2020.properties";

    public static AssessmentRules load() {
        Properties p = new Properties();
        try (InputStream in = AssessmentRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String cap = p.getProperty("routine.goodCapPercent", "").strip();
        return new AssessmentRules(p.getProperty("ruleSet"), p.getProperty("reference"),
                Integer.parseInt(p.getProperty("excellent.percent")), Integer.parseInt(p.getProperty("excellent.approvedMaxPercent")),
                Integer.parseInt(p.getProperty("publicity.workingDays")), cap.isEmpty() ? null : Integer.parseInt(cap),
                Integer.parseInt(p.getProperty("suggest.excellent.minGood")),
                Arrays.stream(p.getProperty("suggest.excellent.forbidden").split(",")).map(String::strip)
                        .map(n -> RoutineGrade.of(n).orElseThrow()).collect(Collectors.toUnmodifiableSet()),
                Integer.parseInt(p.getProperty("suggest.basic.minOrdinary")),
                Boolean.parseBoolean(p.getProperty("suggest.basic.anyPoor")));
    }

    /** 优秀 places in a unit: {@code assessed × percent / 100}, rounded down. */
    public static int allowed(int assessed, int percent) {
        return assessed * percent / 100;
    }

    /**
     * The annual grade the year's routine grades suggest: 优秀 with enough 好 and none forbidden, 基本称职
     * with too many 一般 or any 较差, else 称职; null without routine grades. The decision stays human.
     */
    public AnnualGrade suggest(Collection<RoutineGrade> routine) {
        if (routine.isEmpty()) {
            return null;
        }
        long good = routine.stream().filter(g -> g == RoutineGrade.好).count();
        long ordinary = routine.stream().filter(g -> g == RoutineGrade.一般).count();
        boolean poor = routine.contains(RoutineGrade.较差);
        if ((suggestBasicAnyPoor && poor) || ordinary >= suggestBasicMinOrdinary) {
            return AnnualGrade.BASICALLY_COMPETENT;
        }
        if (good >= suggestExcellentMinGood && routine.stream().noneMatch(suggestExcellentForbidden::contains)) {
            return AnnualGrade.EXCELLENT;
        }
        return AnnualGrade.COMPETENT;
    }
}
