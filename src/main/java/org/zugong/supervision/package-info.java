/**
 * 监督 (F35): supervision records of cadres — 提醒谈话, 函询 and 信访 in this module's table, 诫勉 and
 * Party and government sanctions in the cadre file (written and read through {@link org.zugong.cadre.CadreMeasures},
 * one source of truth) — personal-matters reports (个人有关事项报告) with their random spot checks and
 * check results, and the 凡提必核 precondition on promotion proposals. Its facade for the warning rules
 * is {@link org.zugong.supervision.SupervisionFacts}; its events are
 * {@link org.zugong.supervision.SupervisionRecordCreated} and {@link org.zugong.supervision.SupervisionRecordClosed}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "监督")
package org.zugong.supervision;
