package org.zugong.supervision;

import java.util.Arrays;
import java.util.Optional;
import org.zugong.cadre.CadreRecordKind;

/**
 * The kinds of supervision records. 诫勉 and the sanctions are measures of the cadre file
 * ({@link #measure()} names their kind there); the others live in supervision_record.
 */
public enum SupervisionKind {
    REMINDER_TALK("提醒谈话", null),
    INQUIRY_LETTER("函询", null),
    ADMONISHMENT("诫勉", CadreRecordKind.诫勉),
    PARTY_SANCTION("党纪处分", CadreRecordKind.党纪处分),
    GOVERNMENT_SANCTION("政务处分", CadreRecordKind.政务处分),
    PETITION("信访", null);

    private final String chineseName;
    private final CadreRecordKind measure;

    SupervisionKind(String chineseName, CadreRecordKind measure) {
        this.chineseName = chineseName;
        this.measure = measure;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The cadre-file kind of a measure, or null for a record of the supervision table. */
    public CadreRecordKind measure() {
        return measure;
    }

    public boolean isMeasure() {
        return measure != null;
    }

    public static Optional<SupervisionKind> ofMeasure(CadreRecordKind kind) {
        return Arrays.stream(values()).filter(k -> k.measure != null && k.measure == kind).findFirst();
    }
}
