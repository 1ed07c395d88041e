package org.zugong.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision facts the warning rules read, for many persons at once (one query per chunk of ids,
 * never one per person). Scope-free: the caller (the rules engine, running as the system) decides
 * whose facts it asks for. For a set-based evaluation over everybody, the SQL view
 * {@code supervision_fact_view} (V13) holds the same facts, one row each, from both sources.
 */
@Service
@Transactional(readOnly = true)
public class SupervisionFacts {

    static final int CHUNK = 1000;

    /** A 函询 not 已办结 on the day asked; {@code overdue} when its reply deadline has passed by then. */
    public record InquiryFact(long personId, String recordId, LocalDate date, LocalDate deadline, boolean overdue) {
    }

    /** A 信访 under way (受理 or 调查中). */
    public record PetitionFact(long personId, String recordId, LocalDate date, SupervisionStatus status) {
    }

    /** The latest personal-matters check result of a person. */
    public record ReportCheckFact(long personId, CheckResult result, LocalDate checkedOn, CheckReason reason, int year) {
    }

    private final JdbcClient jdbc;
    private final PersonalReportRules rules = PersonalReportRules.load();

    SupervisionFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 函询 sent on or before {@code on} and not 已办结 by then, per person. */
    public Map<Long, List<InquiryFact>> openInquiries(Collection<Long> personIds, LocalDate on) {
        Map<Long, List<InquiryFact>> out = new HashMap<>();
        for (List<Long> ids : chunks(personIds)) {
            jdbc.sql("""
                    SELECT person_id, id, record_date, deadline FROM supervision_record
                    WHERE kind = 'INQUIRY_LETTER' AND person_id IN (:ids) AND record_date <= :on
                      AND (end_date IS NULL OR end_date > :on) ORDER BY person_id, record_date, id""")
                    .param("ids", ids).param("on", on)
                    .query((rs, n) -> {
                        LocalDate deadline = SupervisionRepository.date(rs, "deadline");
                        return new InquiryFact(rs.getLong(1), RecordRef.supervision(rs.getLong(2)).toString(), rs.getDate(3).toLocalDate(),
                                deadline, deadline != null && deadline.isBefore(on));
                    }).list()
                    .forEach(f -> out.computeIfAbsent(f.personId(), k -> new ArrayList<>()).add(f));
        }
        return out;
    }

    /** Dates of 提醒谈话 between {@code from} and {@code to} inclusive, per person. */
    public Map<Long, List<LocalDate>> reminderTalks(Collection<Long> personIds, LocalDate from, LocalDate to) {
        Map<Long, List<LocalDate>> out = new HashMap<>();
        for (List<Long> ids : chunks(personIds)) {
            jdbc.sql("""
                    SELECT person_id, record_date FROM supervision_record
                    WHERE kind = 'REMINDER_TALK' AND person_id IN (:ids) AND record_date BETWEEN :from AND :to
                    ORDER BY person_id, record_date""")
                    .param("ids", ids).param("from", from).param("to", to)
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getDate(2).toLocalDate())).list()
                    .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        return out;
    }

    /** 信访 受理 or 调查中 now, per person. */
    public Map<Long, List<PetitionFact>> openPetitions(Collection<Long> personIds) {
        Map<Long, List<PetitionFact>> out = new HashMap<>();
        for (List<Long> ids : chunks(personIds)) {
            jdbc.sql("""
                    SELECT person_id, id, record_date, status FROM supervision_record
                    WHERE kind = 'PETITION' AND person_id IN (:ids) AND status IN ('RECEIVED', 'INVESTIGATING')
                    ORDER BY person_id, record_date, id""")
                    .param("ids", ids)
                    .query((rs, n) -> new PetitionFact(rs.getLong(1), RecordRef.supervision(rs.getLong(2)).toString(),
                            rs.getDate(3).toLocalDate(), SupervisionStatus.valueOf(rs.getString(4)))).list()
                    .forEach(f -> out.computeIfAbsent(f.personId(), k -> new ArrayList<>()).add(f));
        }
        return out;
    }

    /** The latest personal-matters check with a result, per person (persons never checked are absent). */
    public Map<Long, ReportCheckFact> reportChecks(Collection<Long> personIds) {
        Map<Long, ReportCheckFact> out = new HashMap<>();
        for (List<Long> ids : chunks(personIds)) {
            jdbc.sql("""
                    SELECT DISTINCT ON (person_id) person_id, result, checked_on, reason, year FROM supervision_report_check
                    WHERE person_id IN (:ids) AND result IS NOT NULL ORDER BY person_id, checked_on DESC, id DESC""")
                    .param("ids", ids)
                    .query((rs, n) -> new ReportCheckFact(rs.getLong(1), CheckResult.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate(),
                            CheckReason.valueOf(rs.getString(4)), rs.getInt(5))).list()
                    .forEach(f -> out.put(f.personId(), f));
        }
        return out;
    }

    /** The submission day of the {@code year} report, per person who has reported (others are absent). */
    public Map<Long, LocalDate> reportsSubmitted(Collection<Long> personIds, int year) {
        Map<Long, LocalDate> out = new HashMap<>();
        for (List<Long> ids : chunks(personIds)) {
            jdbc.sql("SELECT person_id, submitted_on FROM supervision_report WHERE year = :y AND person_id IN (:ids)")
                    .param("y", year).param("ids", ids)
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getDate(2).toLocalDate())).list()
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** The day the {@code year} report is due (rule set 个人事项2017). */
    public LocalDate reportDueDate(int year) {
        return rules.dueDate(year);
    }

    /** How many months a check counts for 凡提必核. */
    public int checkValidMonths() {
        return rules.checkValidMonths();
    }

    private static List<List<Long>> chunks(Collection<Long> personIds) {
        List<Long> all = personIds == null ? List.of() : personIds.stream().distinct().toList();
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }
}
