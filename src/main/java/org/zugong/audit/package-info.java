/**
 * 审计 (F4): an append-only log of every change and every sensitive view or export, chained with
 * HMAC-SM3 so that an edited or removed row is found by verification.
 */
@org.springframework.modulith.ApplicationModule(displayName = "安全审计")
package org.zugong.audit;
