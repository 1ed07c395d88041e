package org.zugong.person;

import java.time.LocalDate;

/** A person as other modules see them: the ID number only masked. */
public record PersonSummary(long id, String name, String sex, LocalDate birthDate, String maskedIdNumber, long orgId,
                            String orgName, String politicalStatus, String education) {
}
