package org.zugong.cadre;

import java.util.ArrayList;
import java.util.List;

/** 家庭主要成员及重要社会关系, edited as rows; a row without 称谓 and 姓名 is dropped. */
public record CadreFamilyForm(List<Member> members, Integer version) {

    /** One row; {@code birthMonth} as yyyy-MM. */
    public record Member(String relation, String name, String birthMonth, String politicalStatus, String workAndPost) {
    }

    static CadreFamilyForm of(CadreFile f, int rows) {
        List<Member> members = new ArrayList<>();
        for (LrmxFamilyMember m : f.family()) {
            members.add(new Member(m.relation(), m.name(), m.birthMonth() == null ? null : m.birthMonth().toString(),
                    m.politicalStatus(), m.workAndPost()));
        }
        while (members.size() < rows) {
            members.add(new Member(null, null, null, null, null));
        }
        return new CadreFamilyForm(members, f.profile().version());
    }
}
