package org.zugong.cadre;

/** 任职方式 (公务员法 Art.40: 选任制、委任制; 聘任制 Art.100; 考任 for the first post after an examination). */
public enum AppointmentMethod {
    选任,
    委任,
    聘任,
    考任
}
