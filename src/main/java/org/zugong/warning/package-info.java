/**
 * 预警 (F30–F34): the 红橙黄蓝 early-warning mechanism. Rules are data (structured conditions over the
 * facts of every module, a colour, a message, a version); the engine evaluates them set-based in SQL,
 * on module events for the persons concerned and nightly for everyone, idempotently: one open warning
 * per rule and person, closed with a reason when its condition ends.
 */
@org.springframework.modulith.ApplicationModule(displayName = "预警")
package org.zugong.warning;
