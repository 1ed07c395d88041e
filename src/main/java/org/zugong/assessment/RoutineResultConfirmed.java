package org.zugong.assessment;

/** A person's routine (quarterly) grade was confirmed. */
public record RoutineResultConfirmed(long personId, int year, int quarter, RoutineGrade grade) {
}
