/**
 * 人才 (F70–F73): the talent registry (人才库) with tiers (A–E 类) and per-tier entitlements as data, the
 * recognition workflow, the talent card (英才卡), the one-stop service for recognized talents who sign in
 * with an account of kind TALENT, and rural-talent points. {@link org.zugong.talent.Talents} is the facade
 * for other modules. A registry record is scoped by its employer unit ({@code talent.org_id}): a user sees
 * it when that unit's path lies in the jurisdiction; another county's record answers 404 and is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "人才")
package org.zugong.talent;
