package org.zugong.supervision;

/** One item of a personal-matters report: its kind (婚姻, 房产 …) and the free text (stored encrypted). */
public record ReportItem(String kind, String content) {
}
