package org.zugong.cadre;

import java.time.LocalDate;
import java.time.Period;
import org.zugong.person.PersonRecord;

/**
 * A cadre file with the person it belongs to: what the cadre pages, the print form and the API show.
 * The person record carries the full ID number: show it masked unless the user may see it.
 */
public record CadreDossier(PersonRecord person, CadreFile file, boolean hasPhoto, RetirementDate retirement) {

    public int age(LocalDate on) {
        return Period.between(person.birthDate(), on).getYears();
    }
}
