package org.zugong.person;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/** One stored person with the ID number and phone decrypted (inside the module only). */
public record PersonRecord(long id, long orgId, String orgName, String orgPath, String name, String sex, LocalDate birthDate,
                    String ethnicity, String nativePlace, String idNumber, String phone, String education,
                    String politicalStatus, LocalDate partyJoinDate, LocalDate workStartDate, boolean active, int version,
                    Instant updatedAt, String updatedBy, boolean hasPhoto) {

    public int age(LocalDate on) {
        return Period.between(birthDate, on).getYears();
    }

    public String maskedIdNumber() {
        return IdNumber.mask(idNumber);
    }

    public String maskedPhone() {
        if (phone == null || phone.length() < 7) {
            return phone == null ? "" : "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    PersonForm form() {
        return new PersonForm(orgId, name, sex, birthDate, ethnicity, nativePlace, "", "", education, politicalStatus,
                partyJoinDate, workStartDate, version);
    }

    PersonSummary summary() {
        return new PersonSummary(id, name, sex, birthDate, maskedIdNumber(), orgId, orgName, politicalStatus, education);
    }
}
