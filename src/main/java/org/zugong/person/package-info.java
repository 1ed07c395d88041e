/**
 * 人员 (F2, 一人一档): one record per person, shared by every module. The ID number is validated
 * (GB 11643), unique, stored SM4-encrypted with an HMAC-SM3 blind index, and masked unless the user
 * may and asks to see it in full — which is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "人员信息")
package org.zugong.person;
