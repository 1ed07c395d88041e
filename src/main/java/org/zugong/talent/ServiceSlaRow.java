package org.zugong.talent;

/**
 * One row of the SLA statistics (by department or by officer) over a period of submission days: requests filed,
 * how many were accepted / accepted on time, finished / finished on time, how many are overdue now, the average rating.
 */
public record ServiceSlaRow(String label, long requests, long accepted, long acceptedOnTime, long finished, long finishedOnTime,
                            long overdueNow, Double averageRating) {

    /** Accepted on time as a percentage of those accepted; null when none was accepted. */
    public Double acceptedOnTimePercent() {
        return accepted == 0 ? null : Math.round(1000.0 * acceptedOnTime / accepted) / 10.0;
    }

    public Double finishedOnTimePercent() {
        return finished == 0 ? null : Math.round(1000.0 * finishedOnTime / finished) / 10.0;
    }
}
