package org.zugong.talent;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.zugong.audit.AuditLog;
import org.zugong.audit.AuditOutcome;
import org.zugong.organization.Organizations;
import org.zugong.platform.db.LikePattern;
import org.zugong.platform.db.SqlCondition;
import org.zugong.platform.security.Actor;
import org.zugong.platform.upload.FileType;
import org.zugong.platform.upload.Upload;
import org.zugong.platform.upload.UploadRefused;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;
import org.zugong.platform.web.RecordNotFoundException;

/**
 * 乡土人才积分 (F73): point items as data ({@code talent_point_item}), entries per person confirmed or rejected by the
 * talent office, a running total per person (confirmed entries only, each item counted up to its cap), the
 * candidate list (total ≥ the threshold in {@code talent_recognition_rule}) and 推荐认定, which files an application
 * with source RURAL_POINTS that runs through the recognition workflow. Scoped by the person's organization when
 * the entry was made; another county's entry or person answers 404 and is audited.
 */
@Service
@Transactional
public class RuralPoints {

    public record Item(String code, String name, String category, int points, int cap, boolean evidenceRequired) {
        public String label() {
            return category + " · " + name + "（" + points + " 分，上限 " + cap + " 分）";
        }
    }

    public record Entry(long id, long personId, String personName, long orgId, String orgName, String itemCode, String itemName,
                        String category, LocalDate earnedOn, int points, String evidence, String fileName, String status, String reason,
                        int version) {
        public String statusLabel() {
            return switch (status) {
                case "CONFIRMED" -> "已确认";
                case "REJECTED" -> "未通过";
                default -> "待确认";
            };
        }
    }

    /** A person's total (confirmed only, each item up to its cap) and whether a recommendation is on file. */
    public record Total(long personId, String personName, String orgName, int total, int confirmedEntries, int pendingEntries,
                        String recommendedStage) {
    }

    public record EntryForm(Long personId, String itemCode, @org.springframework.format.annotation.DateTimeFormat(
            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate earnedOn, Integer points, String evidence) {
    }

    public record ReviewForm(Boolean confirmed, String reason, Integer version) {
    }

    private static final String ENTRY = """
            SELECT e.id, e.person_id, p.name AS person_name, e.org_id, o.name AS org_name, e.item_code, i.name AS item_name, i.category,
                   e.earned_on, e.points, e.evidence, e.file_name, e.status, e.reason, e.version
            FROM talent_point_entry e JOIN talent_point_item i ON i.code = e.item_code JOIN person_view p ON p.id = e.person_id
            JOIN org_organization o ON o.id = e.org_id
            """;

    /** Per person: confirmed points per item capped, summed; pending entries counted. One statement. */
    private static final String TOTALS = """
            WITH per_item AS (
              SELECT e.person_id, e.item_code, sum(e.points) FILTER (WHERE e.status = 'CONFIRMED') AS points,
                     count(*) FILTER (WHERE e.status = 'CONFIRMED') AS confirmed, count(*) FILTER (WHERE e.status = 'PENDING') AS pending,
                     max(e.org_id) AS org_id
              FROM talent_point_entry e JOIN org_organization o ON o.id = e.org_id
              WHERE %s
              GROUP BY e.person_id, e.item_code),
            per_person AS (
              SELECT x.person_id, sum(least(coalesce(x.points, 0), i.cap))::int AS total, sum(x.confirmed)::int AS confirmed,
                     sum(x.pending)::int AS pending, max(x.org_id) AS org_id
              FROM per_item x JOIN talent_point_item i ON i.code = x.item_code GROUP BY x.person_id)
            SELECT t.person_id, p.name, o.name AS org_name, t.total, t.confirmed, t.pending,
                   (SELECT a.stage FROM talent_application a WHERE a.person_id = t.person_id AND a.source = 'RURAL_POINTS'
                      AND a.stage NOT IN ('REFUSED', 'WITHDRAWN') ORDER BY a.id DESC LIMIT 1) AS recommended
            FROM per_person t JOIN person_view p ON p.id = t.person_id JOIN org_organization o ON o.id = t.org_id
            WHERE t.total >= :min
            ORDER BY t.total DESC, t.person_id LIMIT :limit OFFSET :offset
            """;

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final RecognitionRepository recognition;
    private final TalentRecognitions recognitions;
    private final AuditLog audit;

    RuralPoints(JdbcClient jdbc, Organizations organizations, RecognitionRepository recognition, TalentRecognitions recognitions,
                AuditLog audit) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.recognition = recognition;
        this.recognitions = recognitions;
        this.audit = audit;
    }

    private SqlCondition scope() {
        return organizations.jurisdiction().orgCondition("o.path", "o.id", "j");
    }

    @Transactional(readOnly = true)
    public List<Item> items() {
        return jdbc.sql("SELECT code, name, category, points, cap, evidence_required FROM talent_point_item ORDER BY sort")
                .query((rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getBoolean(6)))
                .list();
    }

    @Transactional(readOnly = true)
    public int threshold() {
        return recognition.rule().pointsThreshold();
    }

    @Transactional(readOnly = true)
    PageResult<Entry> entries(String status, String name, Long personId, PageRequest page) {
        SqlCondition scope = scope();
        Map<String, Object> params = new HashMap<>(scope.params());
        List<String> terms = new ArrayList<>(List.of(scope.sql()));
        if (status != null && !status.isBlank()) {
            terms.add("e.status = :status");
            params.put("status", status.trim());
        }
        if (name != null && !name.isBlank()) {
            terms.add("p.name LIKE :name");
            params.put("name", LikePattern.containing(name.trim()));
        }
        if (personId != null) {
            terms.add("e.person_id = :person");
            params.put("person", personId);
        }
        params.put("limit", page.size() + 1);
        params.put("offset", page.offset());
        List<Entry> rows = new ArrayList<>(jdbc.sql(ENTRY + " WHERE " + String.join(" AND ", terms) + " ORDER BY e.id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(RuralPoints::map).list());
        boolean more = rows.size() > page.size();
        if (more) {
            rows.removeLast();
        }
        return PageResult.of(rows, page, page.offset() + rows.size() + (more ? 1 : 0));
    }

    /** Totals of the persons in the jurisdiction with at least {@code min} points, highest first. */
    @Transactional(readOnly = true)
    PageResult<Total> totals(int min, PageRequest page) {
        SqlCondition scope = scope();
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("min", min);
        params.put("limit", page.size() + 1);
        params.put("offset", page.offset());
        List<Total> rows = new ArrayList<>(jdbc.sql(TOTALS.formatted(scope.sql())).params(params)
                .query((rs, n) -> new Total(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                        rs.getString(7) == null ? null : RecognitionStage.valueOf(rs.getString(7)).label())).list());
        boolean more = rows.size() > page.size();
        if (more) {
            rows.removeLast();
        }
        return PageResult.of(rows, page, page.offset() + rows.size() + (more ? 1 : 0));
    }

    /** 候选名单: the persons whose total reaches the threshold. */
    @Transactional(readOnly = true)
    PageResult<Total> candidates(PageRequest page) {
        return totals(threshold(), page);
    }

    /** One person's total (confirmed only, capped per item), within the jurisdiction. */
    @Transactional(readOnly = true)
    int totalOf(long personId) {
        requirePerson(personId);
        return jdbc.sql("""
                SELECT coalesce(sum(least(x.points, i.cap)), 0)::int FROM (
                  SELECT item_code, sum(points) AS points FROM talent_point_entry WHERE person_id = :p AND status = 'CONFIRMED' GROUP BY item_code
                ) x JOIN talent_point_item i ON i.code = x.item_code""").param("p", personId).query(Integer.class).single();
    }

    private Object[] requirePerson(long personId) {
        var unit = recognition.personUnit(personId);
        if (unit.isEmpty() || !organizations.jurisdiction().covers((String) unit.get()[1], (Long) unit.get()[0])) {
            audit.recordAlone("ACCESS_DENIED", "person", personId, "人员不存在或不在管辖范围内（乡土人才积分）", AuditOutcome.DENIED);
            throw new RecordNotFoundException("人员", personId);
        }
        return unit.get();
    }

    @Transactional(readOnly = true)
    Entry requireVisible(long id) {
        var found = jdbc.sql(ENTRY + " WHERE e.id = :id").param("id", id).query((rs, n) -> new Object[]{map(rs, n), null}).optional();
        if (found.isPresent()) {
            Entry e = (Entry) found.get()[0];
            String path = recognition.orgPath(e.orgId()).orElse("");
            if (organizations.jurisdiction().covers(path, e.orgId())) {
                return e;
            }
        }
        audit.recordAlone("ACCESS_DENIED", "talent_point_entry", id, "积分记录不存在或不在管辖范围内", AuditOutcome.DENIED);
        throw new RecordNotFoundException("积分记录", id);
    }

    long create(EntryForm f, MultipartFile file) {
        FieldErrors.Collector errors = new FieldErrors.Collector();
        Object[] unit = null;
        if (f.personId() == null) {
            errors.add("personId", "请选择人员");
        } else {
            var u = recognition.personUnit(f.personId());
            if (u.isEmpty() || !organizations.jurisdiction().covers((String) u.get()[1], (Long) u.get()[0])) {
                errors.add("personId", "人员不存在或不在管辖范围内");
            } else {
                unit = u.get();
            }
        }
        Item item = f.itemCode() == null ? null : items().stream().filter(i -> i.code().equals(f.itemCode().trim())).findFirst().orElse(null);
        if (item == null) {
            errors.add("itemCode", "请选择积分项目");
        }
        if (f.earnedOn() == null) {
            errors.add("earnedOn", "请填写取得日期");
        } else if (f.earnedOn().isAfter(LocalDate.now())) {
            errors.add("earnedOn", "取得日期不能晚于今天");
        } else if (f.earnedOn().getYear() < 1950) {
            errors.add("earnedOn", "取得日期不正确");
        }
        int points = f.points() != null ? f.points() : item != null ? item.points() : 0;
        if (points <= 0) {
            errors.add("points", "分值须大于 0");
        } else if (item != null && points > item.cap()) {
            errors.add("points", "分值不能超过该项目的上限 " + item.cap() + " 分");
        }
        String evidence = f.evidence() == null || f.evidence().isBlank() ? null : f.evidence().trim();
        if (evidence != null && evidence.length() > 500) {
            errors.add("evidence", "证明材料说明不能超过 500 个字");
        }
        Upload upload = null;
        if (file != null && !file.isEmpty()) {
            try {
                upload = Upload.accept(file, "证明材料", recognition.rule().evidenceMaxBytes(), FileType.PDF, FileType.JPEG, FileType.PNG);
            } catch (UploadRefused e) {
                errors.add("file", e.getMessage());
            }
        }
        if (item != null && item.evidenceRequired() && evidence == null && upload == null && !errors.hasField("file")) {
            errors.add("evidence", "“" + item.name() + "”须提供证明材料（说明或文件）");
        }
        errors.throwIfAny();
        long id = jdbc.sql("""
                INSERT INTO talent_point_entry (person_id, org_id, item_code, earned_on, points, evidence, file_name, file_type, content,
                                                created_by, updated_by)
                VALUES (:person, :org, :item, :earned, :points, :evidence, :fileName, :fileType, :content, :by, :by) RETURNING id""")
                .param("person", f.personId()).param("org", unit[0]).param("item", item.code()).param("earned", Date.valueOf(f.earnedOn()))
                .param("points", points).param("evidence", evidence).param("fileName", upload == null ? null : upload.fileName())
                .param("fileType", upload == null ? null : upload.type().name()).param("content", upload == null ? null : upload.content())
                .param("by", user()).query(Long.class).single();
        audit.record("TALENT_POINT_CREATE", "talent_point_entry", id, "登记乡土人才积分：" + unit[2] + " " + item.name() + " " + points + " 分");
        return id;
    }

    Entry review(long id, ReviewForm f) {
        Entry e = requireVisible(id);
        if (f.version() == null) {
            throw FieldErrors.of("version", "缺少版本号，请刷新后重试");
        }
        if (f.version() != e.version()) {
            throw new EditConflictException("积分记录（" + e.personName() + "）");
        }
        if (!"PENDING".equals(e.status())) {
            throw new BusinessRuleException("该积分记录已" + e.statusLabel() + "，不能重复确认");
        }
        FieldErrors.Collector errors = new FieldErrors.Collector();
        if (f.confirmed() == null) {
            errors.add("confirmed", "请选择确认或不予确认");
        } else if (!f.confirmed() && (f.reason() == null || f.reason().isBlank())) {
            errors.add("reason", "不予确认时须填写理由");
        }
        if (f.reason() != null && f.reason().trim().length() > 500) {
            errors.add("reason", "理由不能超过 500 个字");
        }
        errors.throwIfAny();
        String status = f.confirmed() ? "CONFIRMED" : "REJECTED";
        int updated = jdbc.sql("""
                UPDATE talent_point_entry SET status = :status, reason = :reason, reviewed_at = now(), reviewed_by = :by,
                    version = version + 1, updated_at = now(), updated_by = :by WHERE id = :id AND version = :version""")
                .param("status", status).param("reason", f.reason() == null || f.reason().isBlank() ? null : f.reason().trim())
                .param("by", user()).param("id", id).param("version", f.version()).update();
        if (updated != 1) {
            throw new EditConflictException("积分记录（" + e.personName() + "）");
        }
        audit.record("TALENT_POINT_REVIEW", "talent_point_entry", id, (f.confirmed() ? "确认" : "不予确认") + "乡土人才积分：" + e.personName() + " "
                + e.itemName() + " " + e.points() + " 分");
        return requireVisible(id);
    }

    @Transactional(readOnly = true)
    StoredFile file(long id) {
        Entry e = requireVisible(id);
        StoredFile file = jdbc.sql("SELECT file_name, file_type, content FROM talent_point_entry WHERE id = :id AND content IS NOT NULL")
                .param("id", id).query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(() -> new RecordNotFoundException("证明材料", id));
        audit.recordAlone("TALENT_POINT_FILE_VIEW", "talent_point_entry", id, "查看积分证明材料：" + e.personName() + " " + file.name(),
                AuditOutcome.SUCCESS);
        return file;
    }

    /** 推荐认定: files an application (source RURAL_POINTS, the tier and category of the rule) for a candidate. */
    long recommend(long personId) {
        Object[] unit = requirePerson(personId);
        RecognitionRule rule = recognition.rule();
        int total = totalOf(personId);
        if (total < rule.pointsThreshold()) {
            throw new BusinessRuleException("积分 " + total + " 分，未达到候选标准（" + rule.pointsThreshold() + " 分），不能推荐认定");
        }
        LocalDate today = LocalDate.now();
        long id = recognitions.create(new TalentApplicationForm(personId, (Long) unit[0], rule.pointsTierCode(), rule.pointsCategory(),
                "乡土人才", "全职", today, today, "乡土人才积分 " + total + " 分，推荐认定", List.of()), "RURAL_POINTS");
        audit.record("TALENT_POINT_RECOMMEND", "talent_application", id, "推荐乡土人才认定：" + unit[2] + "（积分 " + total + " 分）");
        return id;
    }

    private static Entry map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"), rs.getLong("org_id"), rs.getString("org_name"),
                rs.getString("item_code"), rs.getString("item_name"), rs.getString("category"), rs.getDate("earned_on").toLocalDate(),
                rs.getInt("points"), rs.getString("evidence"), rs.getString("file_name"), rs.getString("status"), rs.getString("reason"),
                rs.getInt("version"));
    }

    private static String user() {
        return Actor.current().map(Actor::username).orElse("system");
    }
}
