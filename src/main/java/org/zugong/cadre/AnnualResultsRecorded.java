package org.zugong.cadre;

import java.util.List;

/**
 * Annual results of a year recorded for many persons at once (an assessment confirmation): one event
 * for the batch instead of one per person. Published after commit.
 */
public record AnnualResultsRecorded(int year, List<Long> personIds) {

    public AnnualResultsRecorded {
        personIds = List.copyOf(personIds);
    }
}
