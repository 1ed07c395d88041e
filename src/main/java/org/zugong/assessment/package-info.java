/**
 * 考核 (F20–F24): 全员绩效 and civil-servant routine (平时) and annual (年度) assessment — schemes of
 * indicators, periods over a subtree, the per-person workflow from self-summary to confirmation,
 * quotas, the dynamic profile, bulk entry; confirmed annual results go into the cadre files.
 */
@org.springframework.modulith.ApplicationModule(displayName = "考核")
package org.zugong.assessment;
