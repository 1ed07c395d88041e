/**
 * 干部档案 (F10–F16): the cadre file on top of the person record, LRMX import and export, the
 * 任免审批表, search, rank-promotion eligibility, retirement dates and team structure. Work in
 * progress: the LRMX codec and the rule calculators come first, the file, pages and API next.
 */
@org.springframework.modulith.ApplicationModule(displayName = "干部档案")
package org.zugong.cadre;
