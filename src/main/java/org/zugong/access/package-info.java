/**
 * 用户与权限 (F3): users, roles with permissions and data scopes, login security (password policy,
 * lockout, sessions), the three separated admin roles (三员分立) and API tokens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "用户与权限")
package org.zugong.access;
