package org.zugong.cadre;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.person.PersonRecord;
import org.zugong.person.Persons;
import org.zugong.platform.web.RecordNotFoundException;

/**
 * The cadre module's facade: whole cadre files within the caller's jurisdiction (scoped by the unit
 * of the file, cadre_profile.org_id), read without per-row queries.
 */
@Service
@Transactional(readOnly = true)
public class CadreFiles {

    private final CadreScope scope;
    private final CadreRepository repository;
    private final Persons persons;
    private final RetirementSchedule retirement = RetirementSchedule.load();

    private final org.zugong.audit.AuditLog audit;

    CadreFiles(CadreScope scope, CadreRepository repository, Persons persons, org.zugong.audit.AuditLog audit) {
        this.audit = audit;
        this.scope = scope;
        this.repository = repository;
        this.persons = persons;
    }

    /**
     * The person id of the visible cadre file registered under this ID number. A file outside the
     * jurisdiction answers like a miss, and the probe is on record.
     */
    public java.util.Optional<Long> findByIdNumber(String idNumber) {
        var id = persons.registeredId(idNumber).filter(repository::exists);
        if (id.isPresent() && !scope.covers(id.get())) {
            audit.recordAlone("ACCESS_DENIED", "cadre", id.get(), "按身份证号查询到管辖范围外的干部档案", org.zugong.audit.AuditOutcome.DENIED);
            return java.util.Optional.empty();
        }
        return id;
    }

    /** Whether the person has a cadre file at all, visible or not (to explain, not to show). */
    public boolean hasFile(long personId) {
        return repository.exists(personId);
    }

    /** Whether the person has a cadre file the caller may see. */
    public boolean isVisible(long personId) {
        return scope.covers(personId);
    }

    /**
     * The dossier shown to a user (the file page, the API's file): visible or 404, and the view is on record
     * ({@code CADRE_VIEW}): a cadre file is sensitive personal information, and every view of one is audited.
     */
    @Transactional
    public CadreDossier view(long personId) {
        CadreDossier dossier = requireVisible(personId);
        audit.record("CADRE_VIEW", "cadre", personId, "查看干部档案：" + dossier.person().name());
        return dossier;
    }

    /** The dossier if visible; otherwise audited and 404. */
    public CadreDossier requireVisible(long personId) {
        scope.requireVisible(personId);
        return dossiers(List.of(personId)).stream().findFirst()
                .orElseThrow(() -> new RecordNotFoundException("干部档案", personId));
    }

    /**
     * Dossiers of persons whose visibility the caller has already established (ids from a scoped
     * search), in the order given.
     */
    List<CadreDossier> dossiers(List<Long> personIds) {
        Map<Long, CadreFile> files = repository.loadAll(personIds);
        Map<Long, PersonRecord> people = persons.records(files.keySet());
        Map<Long, Boolean> photos = repository.photoFlags(files.keySet());
        return files.values().stream()
                .filter(f -> people.containsKey(f.profile().personId()))
                .map(f -> {
                    PersonRecord p = people.get(f.profile().personId());
                    return new CadreDossier(p, f, photos.getOrDefault(p.id(), false),
                            retirement.compute(YearMonth.from(p.birthDate()), f.profile().retirementGroup()));
                })
                .toList();
    }

    /** Birth dates {@code [bornFrom, bornBefore)} of a retirement group that retire in a window of months. */
    public record RetiringBirths(RetirementGroup group, java.time.LocalDate bornFrom, java.time.LocalDate bornBefore) {
    }

    /**
     * Who retires between two months, as birth-date ranges per group (for set-based SQL in other modules,
     * e.g. the warning rules: {@code c.retirement_group = :g AND p.birth_date >= :from AND p.birth_date < :to}).
     */
    public List<RetiringBirths> retiringBetween(YearMonth from, YearMonth to) {
        return RetirementBirthRanges.of(retirement, new RetirementWindow.Months(from, to)).ranges().stream()
                .map(r -> new RetiringBirths(r.group(), r.fromBirth().atDay(1), r.toBirth().atDay(1))).toList();
    }

    RetirementSchedule retirementSchedule() {
        return retirement;
    }
}
