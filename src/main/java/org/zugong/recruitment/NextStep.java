package org.zugong.recruitment;

import java.time.LocalDate;

/**
 * The step that comes next and when it may be taken.
 *
 * @param earliest the earliest day the 细则 allows (null when any day will do)
 * @param due      the last day it is due by (null when there is no deadline)
 * @param note     a Chinese explanation of the dates
 */
public record NextStep(DevelopmentStep step, String key, String label, LocalDate earliest, LocalDate due, String note) {

    static NextStep of(DevelopmentStep step, LocalDate earliest, LocalDate due, String note) {
        return new NextStep(step, step.key(), step.label(), earliest, due, note);
    }
}
