/**
 * Shared foundations every module may use: database bootstrap, SM3/SM4 crypto, national code
 * tables, the acting user and the web frame. Open so that its sub-packages are usable; kept small
 * and free of business rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "平台", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.zugong.platform;
