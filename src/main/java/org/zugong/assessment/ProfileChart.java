package org.zugong.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The profile's chart as plain SVG coordinates, drawn by the template without any script: routine
 * grades per quarter and annual grades per year on the level axis (left, 1–4), scores on the score axis
 * (right, 0–100), time from left to right.
 */
public record ProfileChart(int width, int height, int left, int right, int top, int bottom, List<Point> routine, List<Point> annual,
                           List<Point> scores, String routineLine, String annualLine, String scoreLine, List<Tick> years,
                           List<Tick> levels, List<Tick> scoreTicks) {

    /** A plotted result with its tooltip. */
    public record Point(String x, String y, String title, String label) {

        /** The top-left corner of a 10×10 marker centred on the point. */
        public String boxX() {
            return n(Double.parseDouble(x) - 5);
        }

        public String boxY() {
            return n(Double.parseDouble(y) - 5);
        }
    }

    /** An axis label at a position. */
    public record Tick(String label, String at) {
    }

    static final int WIDTH = 760;
    static final int HEIGHT = 280;
    static final int LEFT = 70;
    static final int RIGHT = WIDTH - 50;
    static final int TOP = 20;
    static final int BOTTOM = HEIGHT - 40;

    static ProfileChart of(List<AssessmentProfile.Entry> entries) {
        int first = entries.stream().mapToInt(AssessmentProfile.Entry::year).min().orElse(0);
        int last = entries.stream().mapToInt(AssessmentProfile.Entry::year).max().orElse(0);
        double span = last - first + 1;
        List<AssessmentProfile.Entry> sorted = entries.stream().sorted(Comparator.comparingDouble(ProfileChart::time)).toList();
        List<Point> routine = new ArrayList<>();
        List<Point> annual = new ArrayList<>();
        List<Point> scores = new ArrayList<>();
        for (AssessmentProfile.Entry e : sorted) {
            double x = LEFT + (time(e) - first) / span * (RIGHT - LEFT);
            if (e.level() != null) {
                (e.kind() == PeriodKind.ROUTINE ? routine : annual).add(new Point(n(x), n(levelY(e.level())), e.periodName() + "：" + e.gradeName(), e.gradeName()));
            }
            if (e.score() != null) {
                scores.add(new Point(n(x), n(scoreY(e.score())), e.periodName() + "：" + e.score().toPlainString() + " 分", e.score().toPlainString()));
            }
        }
        List<Tick> years = new ArrayList<>();
        for (int y = first; y <= last && !entries.isEmpty(); y++) {
            years.add(new Tick(y + "年", n(LEFT + (y - first + 0.5) / span * (RIGHT - LEFT))));
        }
        List<Tick> levels = List.of(new Tick("好/优秀", n(levelY(4))), new Tick("较好/称职", n(levelY(3))),
                new Tick("一般/基本称职", n(levelY(2))), new Tick("较差/不称职", n(levelY(1))));
        List<Tick> scoreTicks = List.of(new Tick("100", n(scoreY(BigDecimal.valueOf(100)))), new Tick("50", n(scoreY(BigDecimal.valueOf(50)))),
                new Tick("0", n(scoreY(BigDecimal.ZERO))));
        return new ProfileChart(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, routine, annual, scores, line(routine), line(annual), line(scores),
                years, levels, scoreTicks);
    }

    /** Quarters at their middle within the year, a year's annual result at the year's end. */
    private static double time(AssessmentProfile.Entry e) {
        return e.kind() == PeriodKind.ROUTINE ? e.year() + (e.quarter() - 0.5) / 4 : e.year() + 0.96;
    }

    private static double levelY(int level) {
        return BOTTOM - (level - 0.5) / 4 * (BOTTOM - TOP);
    }

    private static double scoreY(BigDecimal score) {
        double s = Math.max(0, Math.min(100, score.doubleValue()));
        return BOTTOM - s / 100 * (BOTTOM - TOP);
    }

    private static String line(List<Point> points) {
        return String.join(" ", points.stream().map(p -> p.x() + "," + p.y()).toList());
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
