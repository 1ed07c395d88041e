package org.zugong.talent;

/** The rules of {@code talent_recognition_rule}: the committee's pass share, the 公示 length, the points threshold. */
public record RecognitionRule(int committeePassNum, int committeePassDen, int publicityWorkingDays, int pointsThreshold,
                              String pointsTierCode, String pointsCategory, int evidenceMaxBytes) {

    /** Whether the votes for reach the share of the members present. */
    public boolean committeePasses(int present, int votesFor) {
        return present > 0 && (long) votesFor * committeePassDen >= (long) present * committeePassNum;
    }

    public String passShare() {
        return committeePassNum + "/" + committeePassDen;
    }
}
