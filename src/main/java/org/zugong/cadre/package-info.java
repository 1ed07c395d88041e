/**
 * 干部档案 (F10–F16): the cadre file on top of the person record, LRMX import and export, the
 * printable 任免审批表, search with saved searches and rosters, rank-promotion eligibility,
 * retirement dates and lists, and leadership-team structure. Its facade is {@link org.zugong.cadre.CadreFiles}
 * and {@link org.zugong.cadre.CadreAnnualResults}; its events announce appointments, ranks, measures and results.
 */
@org.springframework.modulith.ApplicationModule(displayName = "干部档案")
package org.zugong.cadre;
