package org.zugong.cadre;

/** A measure with a period of effect (诫勉, 处分, 组织处理, 立案审查) was recorded. Published after commit to warnings and other listeners. */
public record SanctionRecorded(long personId, long recordId, CadreRecordKind kind, java.time.LocalDate effectStart, java.time.LocalDate effectEnd) {
}
