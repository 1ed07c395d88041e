package org.zugong.demo;

import java.time.LocalDate;

/**
 * One generated person, in plain text until {@link DemoDataLoader} encrypts the ID number and phone.
 * Codes are the national ones the person table stores (sex GB/T 2261.1, ethnicity GB/T 3304,
 * education GB/T 4658, political status GB/T 4762).
 */
record DemoPerson(int orgKey, PersonProfile profile, String name, String sex, LocalDate birthDate, String ethnicity,
                  String nativePlace, String idNumber, String phone, String education, String politicalStatus,
                  LocalDate partyJoinDate, LocalDate workStartDate) {

    boolean cadre() {
        return profile == PersonProfile.CADRE;
    }
}
