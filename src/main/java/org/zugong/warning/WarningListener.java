package org.zugong.warning;

import java.time.LocalDate;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.zugong.assessment.AssessmentConfirmed;
import org.zugong.assessment.DismissalReviewFlagged;
import org.zugong.cadre.AnnualResultRecorded;
import org.zugong.cadre.AnnualResultsRecorded;
import org.zugong.cadre.CadreAppointed;
import org.zugong.cadre.CadreFileImported;
import org.zugong.cadre.CadrePostEnded;
import org.zugong.cadre.CadreRankChanged;
import org.zugong.cadre.SanctionRecorded;

/**
 * F31 event path: a fact changed for some persons, so their warnings are evaluated again — after the
 * publishing transaction commits, kept in the event publication registry until done.
 */
@Component
class WarningListener {

    static final String BY = "预警引擎";

    private final WarningEngine engine;

    WarningListener(WarningEngine engine) {
        this.engine = engine;
    }

    private void persons(List<Long> ids) {
        engine.evaluatePersons(ids, LocalDate.now(), BY);
    }

    @ApplicationModuleListener
    void on(SanctionRecorded e) {
        persons(List.of(e.personId()));
    }

    @ApplicationModuleListener
    void on(AnnualResultRecorded e) {
        persons(List.of(e.personId()));
    }

    @ApplicationModuleListener
    void on(AnnualResultsRecorded e) {
        persons(e.personIds());
    }

    @ApplicationModuleListener
    void on(CadreAppointed e) {
        persons(List.of(e.personId()));
    }

    @ApplicationModuleListener
    void on(CadrePostEnded e) {
        persons(List.of(e.personId()));
    }

    @ApplicationModuleListener
    void on(CadreRankChanged e) {
        persons(List.of(e.personId()));
    }

    @ApplicationModuleListener
    void on(CadreFileImported e) {
        persons(List.of(e.personId()));
    }

    @ApplicationModuleListener
    void on(DismissalReviewFlagged e) {
        persons(List.of(e.personId()));
    }

    @ApplicationModuleListener
    void on(org.zugong.supervision.SupervisionRecordCreated e) {
        persons(List.of(e.personId()));
    }

    @ApplicationModuleListener
    void on(org.zugong.supervision.SupervisionRecordClosed e) {
        persons(List.of(e.personId()));
    }

    @ApplicationModuleListener
    void on(org.zugong.supervision.ReportCheckResultEntered e) {
        persons(List.of(e.personId()));
    }

    /** Routine results confirmed for a unit: its people's routine-grade rules may change. */
    @ApplicationModuleListener
    void on(AssessmentConfirmed e) {
        if (e.kind() == org.zugong.assessment.PeriodKind.ROUTINE) {
            engine.evaluateUnit(e.periodId(), e.orgId(), LocalDate.now(), BY);
        }
    }
}
