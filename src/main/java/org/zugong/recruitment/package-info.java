/**
 * 党员发展 (issue 6): the development of Party members under the 《中国共产党发展党员工作细则》 —
 * for now the checker ({@link org.zugong.recruitment.DevelopmentChecker}) that tests a development
 * timeline against a versioned rule set (细则2014 by default) and computes the end of probation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "党员发展")
package org.zugong.recruitment;
