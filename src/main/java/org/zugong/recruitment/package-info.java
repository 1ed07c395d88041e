/**
 * 党员发展 (F40–F45): the development record of a candidate through the 5 stages and 25 steps of the
 * 细则, the dual pre-review, probation and conversion, and the one checker ({@link org.zugong.recruitment.DevelopmentChecker})
 * that every transition, the audit of past records and the API use, citing the article of each rule.
 */
@org.springframework.modulith.ApplicationModule(displayName = "党员发展")
package org.zugong.recruitment;
