package org.zugong.recruitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.organization.Jurisdiction;
import org.zugong.organization.OrganizationSummary;
import org.zugong.organization.Organizations;
import org.zugong.person.PersonRecord;
import org.zugong.person.Persons;
import org.zugong.platform.db.SqlCondition;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.RecordNotFoundException;

/**
 * 流动党员 (F45): Party members who went out of their home organization (外出) or came into a receiving one (流入).
 * A record is visible to whoever covers the home organization or the receiving organization, so an inflow is seen
 * by the receiving side and an outflow into another county's organization by that county as well.
 */
@Service
@Transactional(readOnly = true)
public class MobileMembers {

    public enum Direction {
        OUTFLOW("外出"), INFLOW("流入");

        private final String label;

        Direction(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Reason {
        WORK("务工"), BUSINESS("经商"), STUDY("求学"), OTHER("其他");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        REGISTERED("已登记"), CONTACTED("已联系"), RETURNED("已返回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What is registered. */
    public record Registration(Long personId, Direction direction, Long homeOrgId, Long receivingOrgId, String receivingOrgName,
                               String destination, Reason reason, LocalDate leftOn, LocalDate expectedReturnOn, String contactNote) {
    }

    /** A change of status, contact note or return; null fields stay as they are. */
    public record Change(Status status, LocalDate returnedOn, String contactNote, Integer version) {
    }

    public record MobileMember(long id, long personId, String personName, Direction direction, long homeOrgId, String homeOrgName,
                               Long receivingOrgId, String receivingOrgName, String destination, Reason reason, LocalDate leftOn,
                               LocalDate expectedReturnOn, Status status, LocalDate returnedOn, String contactNote, int version,
                               Instant updatedAt, String updatedBy) {

        public String directionLabel() {
            return direction.label();
        }

        public String reasonLabel() {
            return reason.label();
        }

        public String statusLabel() {
            return status.label();
        }
    }

    private static final String SELECT = """
            SELECT m.id, m.person_id, p.name AS person_name, m.direction, m.home_org_id, h.name AS home_org_name, h.path AS home_path,
                   m.receiving_org_id, COALESCE(r.name, m.receiving_org_name) AS receiving_name, r.path AS receiving_path,
                   m.destination, m.reason, m.left_on, m.expected_return_on, m.status, m.returned_on, m.contact_note, m.version,
                   m.updated_at, m.updated_by
            FROM recruitment_mobile_member m
            JOIN person_person p ON p.id = m.person_id
            JOIN org_organization h ON h.id = m.home_org_id
            LEFT JOIN org_organization r ON r.id = m.receiving_org_id
            """;

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final Persons persons;
    private final AuditLog audit;

    MobileMembers(JdbcClient jdbc, Organizations organizations, Persons persons, AuditLog audit) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.persons = persons;
        this.audit = audit;
    }

    /**
     * Registers an outflow (the person and the home organization in the caller's jurisdiction) or an inflow (the
     * receiving organization in the caller's jurisdiction). Only 中共党员 and 预备党员 are mobile Party members.
     */
    @Transactional
    public long register(Registration r) {
        FieldErrors.Collector errors = new FieldErrors.Collector();
        if (r.personId() == null) {
            errors.add("personId", "请选择流动党员");
        }
        if (r.direction() == null) {
            errors.add("direction", "请选择流动方向（外出或流入）");
        }
        if (r.reason() == null) {
            errors.add("reason", "请选择流动原因（务工、经商、求学或其他）");
        }
        if (r.leftOn() == null) {
            errors.add("leftOn", "请填写外出（流入）日期");
        }
        if (r.expectedReturnOn() != null && r.leftOn() != null && r.expectedReturnOn().isBefore(r.leftOn())) {
            errors.add("expectedReturnOn", "预计返回日期不能早于外出日期");
        }
        String receivingName = clean(r.receivingOrgName());
        if (r.receivingOrgId() == null && receivingName == null) {
            errors.add("receivingOrgId", "请选择接收党组织，或填写系统外接收党组织的名称");
        }
        if (r.direction() == Direction.INFLOW && r.receivingOrgId() == null) {
            errors.add("receivingOrgId", "流入党员须选择本地接收党组织");
        }
        errors.throwIfAny();

        PersonRecord person;
        OrganizationSummary home;
        OrganizationSummary receiving = null;
        if (r.direction() == Direction.OUTFLOW) {
            person = persons.requireVisibleRecord(r.personId());
            home = organizations.requireVisible(r.homeOrgId() == null ? person.orgId() : r.homeOrgId());
            if (r.receivingOrgId() != null) {
                receiving = organizations.find(r.receivingOrgId())
                        .orElseThrow(() -> FieldErrors.of("receivingOrgId", "接收党组织不存在"));
            }
        } else {
            receiving = organizations.requireVisible(r.receivingOrgId());
            person = Optional.ofNullable(persons.records(List.of(r.personId())).get(r.personId()))
                    .orElseThrow(() -> new RecordNotFoundException("人员", r.personId()));
            long homeId = r.homeOrgId() == null ? person.orgId() : r.homeOrgId();
            home = organizations.find(homeId).orElseThrow(() -> FieldErrors.of("homeOrgId", "所在党组织不存在"));
        }
        if (!DevelopmentRecords.PARTY_MEMBER.equals(person.politicalStatus())
                && !DevelopmentRecords.PROBATIONARY_MEMBER.equals(person.politicalStatus())) {
            throw new BusinessRuleException(person.name() + "不是中共党员或预备党员，不能登记为流动党员");
        }
        if (receiving != null && receiving.id() == home.id()) {
            throw FieldErrors.of("receivingOrgId", "接收党组织不能与所在党组织相同");
        }
        Long open = jdbc.sql("SELECT count(*) FROM recruitment_mobile_member WHERE person_id = :p AND status <> 'RETURNED'")
                .param("p", person.id()).query(Long.class).single();
        if (open > 0) {
            throw new BusinessRuleException(person.name() + "已有未返回的流动党员登记");
        }
        long id = jdbc.sql("""
                        INSERT INTO recruitment_mobile_member (person_id, direction, home_org_id, receiving_org_id, receiving_org_name,
                            destination, reason, left_on, expected_return_on, contact_note, created_by, updated_by)
                        VALUES (:person, :direction, :home, :receivingId, :receivingName, :destination, :reason, :leftOn, :expected,
                            :note, :user, :user)
                        RETURNING id
                        """)
                .param("person", person.id()).param("direction", r.direction().name()).param("home", home.id())
                .param("receivingId", receiving == null ? null : receiving.id())
                .param("receivingName", receiving == null ? receivingName : null)
                .param("destination", clean(r.destination())).param("reason", r.reason().name()).param("leftOn", r.leftOn())
                .param("expected", r.expectedReturnOn()).param("note", clean(r.contactNote())).param("user", user())
                .query(Long.class).single();
        audit.record("RECRUITMENT_MOBILE_REGISTER", "recruitment", id, "登记流动党员（" + r.direction().label() + "）：" + person.name()
                + "，" + home.name() + " → " + (receiving == null ? receivingName : receiving.name()) + "，" + r.leftOn());
        return id;
    }

    public List<MobileMember> list(Direction direction, Status status) {
        Jurisdiction j = organizations.jurisdiction();
        SqlCondition home = j.orgCondition("h.path", "h.id", "jh");
        SqlCondition receiving = j.orgCondition("r.path", "r.id", "jr");
        Map<String, Object> params = new HashMap<>(home.params());
        params.putAll(receiving.params());
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE (").append(home.sql()).append(" OR (m.receiving_org_id IS NOT NULL AND ")
                .append(receiving.sql()).append("))");
        if (direction != null) {
            sql.append(" AND m.direction = :direction");
            params.put("direction", direction.name());
        }
        if (status != null) {
            sql.append(" AND m.status = :status");
            params.put("status", status.name());
        }
        sql.append(" ORDER BY m.left_on DESC, m.id DESC");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
    }

    public MobileMember get(long id) {
        return requireVisible(id);
    }

    /** Changes the status or the contact note, or registers the return (returned on or after leaving). */
    @Transactional
    public MobileMember change(long id, Change c) {
        MobileMember m = requireVisible(id);
        if (m.status() == Status.RETURNED) {
            throw new BusinessRuleException(m.personName() + "已登记返回，不能再修改");
        }
        Status status = c.status() == null ? (c.returnedOn() != null ? Status.RETURNED : m.status()) : c.status();
        LocalDate returnedOn = null;
        if (status == Status.RETURNED) {
            if (c.returnedOn() == null) {
                throw FieldErrors.of("returnedOn", "请填写返回日期");
            }
            if (c.returnedOn().isBefore(m.leftOn())) {
                throw FieldErrors.of("returnedOn", "返回日期（" + c.returnedOn() + "）不能早于外出日期（" + m.leftOn() + "）");
            }
            returnedOn = c.returnedOn();
        } else if (c.returnedOn() != null) {
            throw FieldErrors.of("returnedOn", "只有登记返回时才填写返回日期");
        }
        String note = c.contactNote() == null ? m.contactNote() : clean(c.contactNote());
        int expected = c.version() == null ? m.version() : c.version();
        int updated = jdbc.sql("""
                        UPDATE recruitment_mobile_member SET status = :status, returned_on = :returnedOn, contact_note = :note,
                            version = version + 1, updated_by = :user, updated_at = now()
                        WHERE id = :id AND version = :version
                        """)
                .param("status", status.name()).param("returnedOn", returnedOn).param("note", note).param("user", user())
                .param("id", id).param("version", expected).update();
        if (updated == 0) {
            throw new EditConflictException("流动党员登记（" + m.personName() + "）");
        }
        audit.record("RECRUITMENT_MOBILE_CHANGE", "recruitment", id, m.personName() + "：" + m.status().label() + " → " + status.label()
                + (returnedOn == null ? "" : "，返回日期 " + returnedOn));
        return requireVisible(id);
    }

    private MobileMember requireVisible(long id) {
        Jurisdiction j = organizations.jurisdiction();
        Optional<Object[]> found = jdbc.sql(SELECT + " WHERE m.id = :id").param("id", id)
                .query((rs, n) -> new Object[] {map(rs), rs.getString("home_path"), rs.getString("receiving_path")}).optional();
        if (found.isPresent()) {
            MobileMember m = (MobileMember) found.get()[0];
            String receivingPath = (String) found.get()[2];
            if (j.covers((String) found.get()[1], m.homeOrgId())
                    || (m.receivingOrgId() != null && j.covers(receivingPath, m.receivingOrgId()))) {
                return m;
            }
        }
        audit.recordAlone("ACCESS_DENIED", "recruitment", id, "流动党员登记不存在或不在管辖范围内", AuditOutcome.DENIED);
        throw new RecordNotFoundException("流动党员登记", id);
    }

    private static MobileMember map(java.sql.ResultSet rs) throws java.sql.SQLException {
        long receivingId = rs.getLong("receiving_org_id");
        Long receiving = rs.wasNull() ? null : receivingId;
        java.sql.Date expected = rs.getDate("expected_return_on");
        java.sql.Date returned = rs.getDate("returned_on");
        return new MobileMember(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"),
                Direction.valueOf(rs.getString("direction")), rs.getLong("home_org_id"), rs.getString("home_org_name"), receiving,
                rs.getString("receiving_name"), rs.getString("destination"), Reason.valueOf(rs.getString("reason")),
                rs.getDate("left_on").toLocalDate(), expected == null ? null : expected.toLocalDate(),
                Status.valueOf(rs.getString("status")), returned == null ? null : returned.toLocalDate(), rs.getString("contact_note"),
                rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String user() {
        return Actor.current().map(Actor::username).orElse("system");
    }
}
