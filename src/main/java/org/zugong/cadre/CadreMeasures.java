package org.zugong.cadre;

import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.platform.web.RecordNotFoundException;

/**
 * The cadre module's facade for measures (诫勉, 党纪处分, 政务处分 …) recorded elsewhere, e.g. by the
 * supervision module: they live in the cadre file (cadre_record) and nowhere else. Recording goes
 * through the same checks, audit and {@link SanctionRecorded} event as the file page.
 */
@Service
@Transactional
public class CadreMeasures {

    private final CadreFileEditor editor;
    private final CadreRepository repository;
    private final CadreScope scope;
    private final AuditLog audit;

    CadreMeasures(CadreFileEditor editor, CadreRepository repository, CadreScope scope, AuditLog audit) {
        this.editor = editor;
        this.repository = repository;
        this.scope = scope;
        this.audit = audit;
    }

    /**
     * Records a 奖惩 entry in a visible cadre file and returns its id. Field errors name the fields of
     * {@link CadreRecordForm} (kind, title, authority, decidedOn, effectStart, effectEnd, note).
     */
    public long record(long personId, CadreRecordKind kind, String title, String authority, LocalDate decidedOn,
                       LocalDate effectStart, LocalDate effectEnd, String note) {
        return editor.record(personId, new CadreRecordForm(kind == null ? null : kind.name(), title, authority, decidedOn,
                effectStart, effectEnd, note));
    }

    /** Ends a measure early (提前解除); announced as {@link SanctionEnded}. */
    public void end(long personId, long recordId, LocalDate endDate) {
        editor.endMeasure(personId, recordId, endDate);
    }

    /** A record whose cadre file the caller may see; otherwise audited and 404. */
    @Transactional(readOnly = true)
    public CadreRecord requireVisible(long recordId) {
        CadreRecord r = repository.findRecord(recordId).orElse(null);
        if (r == null) {
            audit.recordAlone("ACCESS_DENIED", "cadre_record", recordId, "奖惩记录不存在", AuditOutcome.DENIED);
            throw new RecordNotFoundException("奖惩记录", recordId);
        }
        scope.requireVisible(r.personId());
        return r;
    }
}
