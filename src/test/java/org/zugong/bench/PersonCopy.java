package org.zugong.bench;

/** The COPY statement and row encoding of person_person: the ID number and phone leave here encrypted. */
final class PersonCopy {

    static final String SQL = """
            COPY person_person (id, org_id, name, sex, birth_date, ethnicity, native_place, id_number_cipher,
                id_number_index, phone_cipher, education, political_status, party_join_date, work_start_date, active,
                created_by, updated_by) FROM STDIN WITH (FORMAT text, FREEZE true)""";

    private final BenchCipher cipher;

    PersonCopy(BenchCipher cipher) {
        this.cipher = cipher;
    }

    void encode(PersonRow p, CopyText row) {
        row.number(p.id())
                .number(p.orgId())
                .text(p.name())
                .text(p.sex())
                .date(p.birthDate())
                .text(p.ethnicity())
                .text(p.nativePlace())
                .bytea(cipher.encrypt(p.idNumber()))
                .bytea(cipher.blindIndex(p.idNumber()))
                .bytea(cipher.encrypt(p.phone()))
                .text(p.education())
                .text(p.politicalStatus())
                .date(p.partyJoinDate())
                .date(p.workStartDate())
                .bool(p.active())
                .text(ProvinceDataSet.CREATED_BY)
                .text(ProvinceDataSet.CREATED_BY)
                .endRow();
    }
}
