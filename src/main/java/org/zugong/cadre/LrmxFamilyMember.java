package org.zugong.cadre;

import java.time.YearMonth;

/**
 * One {@code JiaTingChengYuan/Item}: a 家庭成员 and important social relation.
 *
 * @param relation        称谓 (e.g. 妻子, 儿子, 父亲)
 * @param name            姓名
 * @param birthMonth      出生日期 (yyyyMM)
 * @param politicalStatus 政治面貌
 * @param workAndPost     工作单位及职务
 */
public record LrmxFamilyMember(String relation, String name, YearMonth birthMonth, String politicalStatus,
                               String workAndPost) {
}
