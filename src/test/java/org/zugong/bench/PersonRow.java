package org.zugong.bench;

import java.time.LocalDate;

/** One generated person, in plain text; the loader encrypts the ID number and phone. */
record PersonRow(long id, long orgId, String name, String sex, LocalDate birthDate, String ethnicity, String nativePlace,
                 String idNumber, String phone, String education, String politicalStatus, LocalDate partyJoinDate,
                 LocalDate workStartDate, boolean active) {
}
