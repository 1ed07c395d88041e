package org.zugong.assessment;

/** The post type a scheme is for: the three civil-service 职位类别 and leadership-team members. */
public enum SchemePostType {
    综合管理类,
    行政执法类,
    专业技术类,
    领导班子成员
}
