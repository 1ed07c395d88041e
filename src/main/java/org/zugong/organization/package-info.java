/**
 * 组织机构 (F1): the one tree of regions, units and Party organizations, with materialized paths,
 * and jurisdiction — the subtrees a user may see — resolved from the user's data scopes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "组织机构")
package org.zugong.organization;
