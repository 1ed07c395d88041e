package org.zugong.cadre;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.RecordNotFoundException;

/**
 * 拟提拔 proposals (F35, 凡提必核): checked, then every {@link PromotionPrecondition} is asked; a refusal
 * answers 422 with its message and stores nothing.
 */
@Service
@Transactional
class PromotionProposals {

    private final JdbcClient jdbc;
    private final CadreScope scope;
    private final List<PromotionPrecondition> preconditions;
    private final AuditLog audit;

    PromotionProposals(JdbcClient jdbc, CadreScope scope, List<PromotionPrecondition> preconditions, AuditLog audit) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.preconditions = List.copyOf(preconditions);
        this.audit = audit;
    }

    long propose(long personId, PromotionProposalForm f) {
        scope.requireVisible(personId);
        FieldErrors.Collector errors = new FieldErrors.Collector();
        String post = CadreFileEditor.clean(f.proposedPost());
        if (post == null) {
            errors.add("proposedPost", "请填写拟任职务");
        } else if (post.length() > 200) {
            errors.add("proposedPost", "拟任职务不能超过200个字");
        }
        RankLeadingPost level = null;
        if (CadreFileEditor.clean(f.postLevel()) != null) {
            try {
                level = RankLeadingPost.valueOf(f.postLevel().strip());
            } catch (IllegalArgumentException e) {
                errors.add("postLevel", "职务层次“" + f.postLevel() + "”不是可选的值");
            }
        }
        LocalDate on = f.proposedOn() == null ? LocalDate.now() : f.proposedOn();
        if (on.isAfter(LocalDate.now())) {
            errors.add("proposedOn", "提出时间不能晚于今天");
        }
        errors.throwIfAny();
        List<String> refusals = new ArrayList<>();
        for (PromotionPrecondition p : preconditions) {
            p.refusal(personId, on).ifPresent(refusals::add);
        }
        if (!refusals.isEmpty()) {
            throw new BusinessRuleException(String.join("；", refusals));
        }
        long id = jdbc.sql("""
                INSERT INTO cadre_promotion_proposal (person_id, proposed_post, post_level, proposed_on, created_by, updated_by)
                VALUES (:p, :post, :level, :on, :user, :user) RETURNING id""")
                .param("p", personId).param("post", post).param("level", level == null ? null : level.name()).param("on", on)
                .param("user", user()).query(Long.class).single();
        audit.record("CADRE_PROMOTION_PROPOSE", "cadre", personId, "拟提拔：" + post + (level == null ? "" : "（" + level + "）") + "，" + on);
        return id;
    }

    /** 已任命 or 已撤回 for a proposal still 拟提拔. */
    void close(long personId, long proposalId, String status, Integer version) {
        scope.requireVisible(personId);
        PromotionProposal current = list(personId).stream().filter(p -> p.id() == proposalId).findFirst()
                .orElseThrow(() -> {
                    audit.recordAlone("ACCESS_DENIED", "cadre_promotion_proposal", proposalId, "提拔建议不存在或不属于该干部档案",
                            org.zugong.audit.AuditOutcome.DENIED);
                    return new RecordNotFoundException("提拔建议", proposalId);
                });
        PromotionStatus next;
        try {
            next = PromotionStatus.valueOf(status == null ? "" : status.strip());
        } catch (IllegalArgumentException e) {
            throw FieldErrors.of("status", "请选择“已任命”或“已撤回”");
        }
        if (next == PromotionStatus.拟提拔) {
            throw FieldErrors.of("status", "请选择“已任命”或“已撤回”");
        }
        if (current.status() != PromotionStatus.拟提拔) {
            throw new BusinessRuleException("该提拔建议已" + current.status() + "，不能再更改");
        }
        int updated = jdbc.sql("""
                UPDATE cadre_promotion_proposal SET status = :s, version = version + 1, updated_at = now(), updated_by = :user
                WHERE id = :id AND person_id = :p AND version = :v""")
                .param("s", next.name()).param("user", user()).param("id", proposalId).param("p", personId)
                .param("v", version == null ? current.version() : version).update();
        if (updated == 0) {
            throw new EditConflictException("提拔建议");
        }
        audit.record("CADRE_PROMOTION_" + (next == PromotionStatus.已任命 ? "APPOINTED" : "WITHDRAWN"), "cadre", personId,
                "提拔建议" + next + "：" + current.proposedPost());
    }

    @Transactional(readOnly = true)
    List<PromotionProposal> list(long personId) {
        return jdbc.sql("SELECT * FROM cadre_promotion_proposal WHERE person_id = :p ORDER BY proposed_on DESC, id DESC")
                .param("p", personId)
                .query((rs, n) -> new PromotionProposal(rs.getLong("id"), rs.getLong("person_id"), rs.getString("proposed_post"),
                        rs.getString("post_level") == null ? null : RankLeadingPost.valueOf(rs.getString("post_level")),
                        rs.getDate("proposed_on").toLocalDate(), PromotionStatus.valueOf(rs.getString("status")),
                        rs.getInt("version"), rs.getString("created_by")))
                .list();
    }

    private static String user() {
        return Actor.current().map(Actor::username).orElse("system");
    }
}
