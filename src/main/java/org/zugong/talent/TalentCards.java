package org.zugong.talent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zugong.audit.AuditLog;
import org.zugong.platform.security.Actor;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.PageRequest;
import org.zugong.platform.web.PageResult;
import org.zugong.platform.web.RecordNotFoundException;

/**
 * 英才卡 (F71): issue on recognition (one active card per talent; a renewed recognition cancels the old card) and by staff,
 * 挂失 / 解除挂失 / 注销 / 补办 with a reason, audited and versioned, the daily expiry, the staff list and a talent's own card.
 * A card is in the caller's jurisdiction when its talent is ({@link TalentRegistry#requireVisible}); another county's = 404.
 */
@Service
@Transactional
class TalentCards {

    private static final Logger log = LoggerFactory.getLogger(TalentCards.class);
    static final String SYSTEM = "system";

    private final TalentCardRepository repository;
    private final TalentRegistry registry;
    private final TalentRepository talents;
    private final AuditLog audit;

    TalentCards(TalentCardRepository repository, TalentRegistry registry, TalentRepository talents, AuditLog audit) {
        this.repository = repository;
        this.registry = registry;
        this.talents = talents;
        this.audit = audit;
    }

    /** A talent's cards, newest first (audited view; 404 outside the jurisdiction). */
    List<TalentCard> ofTalent(long talentId) {
        TalentSummary t = registry.requireVisible(talentId);
        audit.record("TALENT_CARD_VIEW", "talent", talentId, "查看英才卡：" + t.personName());
        return repository.ofTalent(talentId);
    }

    /** The talent if visible; otherwise audited and 404. */
    @Transactional(readOnly = true)
    TalentSummary requireTalent(long talentId) {
        return registry.requireVisible(talentId);
    }

    /** The card of a visible talent, or 404. */
    @Transactional(readOnly = true)
    TalentCard requireCard(long talentId, long cardId) {
        registry.requireVisible(talentId);
        return repository.find(cardId).filter(c -> c.talentId() == talentId).orElseThrow(() -> new RecordNotFoundException("英才卡", cardId));
    }

    /** A page of the staff list within the jurisdiction, newest first (total known as far as the next page). */
    @Transactional(readOnly = true)
    PageResult<TalentCard> search(TalentCardRepository.Criteria criteria, PageRequest page) {
        List<TalentCard> rows = new ArrayList<>(repository.page(registry.scope(), criteria, page.size() + 1, page.offset()));
        boolean more = rows.size() > page.size();
        if (more) {
            rows.removeLast();
        }
        return PageResult.of(rows, page, page.offset() + rows.size() + (more ? 1 : 0));
    }

    /** The signed-in talent's own cards (newest first), whatever the jurisdiction; empty for anyone else. */
    List<TalentCard> ofSelf() {
        Optional<TalentSummary> self = registry.ofSelf();
        if (self.isEmpty()) {
            return List.of();
        }
        audit.record("TALENT_CARD_VIEW", "talent", self.get().id(), "本人查看英才卡");
        return repository.ofTalent(self.get().id());
    }

    /** The signed-in talent's active card, for its QR image (the page that shows it is the audited view). */
    @Transactional(readOnly = true)
    Optional<TalentCard> activeOfSelf() {
        return registry.ofSelf().flatMap(t -> repository.activeOf(t.id()));
    }

    /** 发卡 by staff: a recognized, valid talent without an active card; validity = the talent's. */
    long issue(long talentId, String reason) {
        TalentSummary t = registry.requireVisible(talentId);
        String why = reason(reason, false, "人才办发卡");
        LocalDate today = LocalDate.now();
        if (!t.validOn(today) || t.validUntil() == null) {
            throw new BusinessRuleException("该人才未认定或认定已到期，不能发放英才卡");
        }
        if (repository.activeOf(talentId).isPresent()) {
            throw new BusinessRuleException("该人才已有有效的英才卡，不能重复发卡");
        }
        if (repository.ofTalent(talentId).stream().findFirst().filter(c -> c.status() == TalentCardStatus.LOST).isPresent()) {
            throw new BusinessRuleException("该人才的英才卡已挂失，请办理补办");
        }
        long id = insert(talentId, t.tierCode(), today, t.validUntil(), null, why, user());
        audit.record("TALENT_CARD_ISSUE", "talent_card", id, "发放英才卡：" + t.personName() + " " + t.tierCode() + "类，原因：" + why);
        return id;
    }

    /** 挂失: active → lost. */
    void reportLost(long talentId, long cardId, Integer version, String reason) {
        change(talentId, cardId, version, reason, TalentCardStatus.ACTIVE, TalentCardStatus.LOST, "TALENT_CARD_LOST", "挂失");
    }

    /** 解除挂失: lost → active, unless a replacement or a newer card is active. */
    void unlock(long talentId, long cardId, Integer version, String reason) {
        if (repository.activeOf(talentId).isPresent()) {
            requireCard(talentId, cardId);
            throw new BusinessRuleException("该人才已有有效的英才卡（已补办或换发），不能解除挂失");
        }
        change(talentId, cardId, version, reason, TalentCardStatus.LOST, TalentCardStatus.ACTIVE, "TALENT_CARD_UNLOCK", "解除挂失");
    }

    /** 注销: active or lost → cancelled. */
    void cancel(long talentId, long cardId, Integer version, String reason) {
        TalentCard card = requireCard(talentId, cardId);
        TalentCardStatus from = card.status() == TalentCardStatus.LOST ? TalentCardStatus.LOST : TalentCardStatus.ACTIVE;
        change(talentId, cardId, version, reason, from, TalentCardStatus.CANCELLED, "TALENT_CARD_CANCEL", "注销");
    }

    /** 补办: a new number replacing a lost card (which stays 挂失), for the talent's current tier and validity. */
    long replace(long talentId, long cardId, Integer version, String reason) {
        TalentSummary t = registry.requireVisible(talentId);
        TalentCard lost = requireCard(talentId, cardId);
        String why = reason(reason, true, null);
        requireVersion(version);
        if (lost.status() != TalentCardStatus.LOST) {
            throw new BusinessRuleException("只有挂失的英才卡可以补办");
        }
        if (!t.validOn(LocalDate.now()) || t.validUntil() == null) {
            throw new BusinessRuleException("该人才未认定或认定已到期，不能补办英才卡");
        }
        if (repository.activeOf(talentId).isPresent()) {
            throw new BusinessRuleException("该人才已有有效的英才卡，不能补办");
        }
        if (!repository.changeStatus(cardId, version, TalentCardStatus.LOST, TalentCardStatus.LOST, "已补办：" + why, user())) {
            throw new EditConflictException("英才卡 " + lost.number());
        }
        long id = insert(talentId, t.tierCode(), LocalDate.now(), t.validUntil(), cardId, "补办：" + why, user());
        audit.record("TALENT_CARD_REPLACE", "talent_card", id, "补办英才卡：" + t.personName() + "，替换挂失卡 " + lost.number() + "，原因：" + why);
        return id;
    }

    /**
     * On 认定 (the recognition workflow's event; no user): cancels the talent's active card of an earlier recognition
     * as 注销 and issues a new one for the tier and validity recognized. Idempotent: an active card of exactly this tier
     * and validity is kept (the event may be delivered again after a restart).
     */
    void onRecognized(TalentRecognized e) {
        Optional<TalentCard> active = repository.activeOf(e.talentId());
        if (active.isPresent() && active.get().tierCode().equals(e.tierCode()) && active.get().validUntil().equals(e.validUntil())) {
            return;
        }
        if (e.validUntil() == null || e.validUntil().isBefore(LocalDate.now())) {
            log.warn("认定的有效期已过，不发放英才卡：talent {}", e.talentId());
            return;
        }
        if (active.isPresent()) {
            TalentCard old = active.get();
            if (!repository.changeStatus(old.id(), old.version(), TalentCardStatus.ACTIVE, TalentCardStatus.CANCELLED, "重新认定，换发新卡",
                    SYSTEM)) {
                throw new EditConflictException("英才卡 " + old.number());
            }
            audit.recordAs(SYSTEM, "TALENT_CARD_CANCEL", "talent_card", old.id(), "重新认定，注销旧卡 " + old.number());
        }
        LocalDate issued = LocalDate.now();
        long id = insert(e.talentId(), e.tierCode(), issued.isAfter(e.validUntil()) ? e.validUntil() : issued, e.validUntil(), null,
                "认定后自动发卡", SYSTEM);
        audit.recordAs(SYSTEM, "TALENT_CARD_ISSUE", "talent_card", id, "认定后发放英才卡：talent " + e.talentId() + " " + e.tierCode()
                + "类，有效期至 " + e.validUntil());
    }

    /** The daily run: active cards past their validity become 到期. */
    int expire(LocalDate today) {
        List<Long> ids = repository.expire(today);
        if (!ids.isEmpty()) {
            audit.recordAs(SYSTEM, "TALENT_CARD_EXPIRE", "talent_card", null, "英才卡到期 " + ids.size() + " 张：" + ids);
        }
        return ids.size();
    }

    /** Entitlements of a tier (for the card views). */
    @Transactional(readOnly = true)
    List<TalentEntitlement> entitlements(String tierCode) {
        return talents.entitlements(tierCode);
    }

    private void change(long talentId, long cardId, Integer version, String reason, TalentCardStatus from, TalentCardStatus to,
                        String action, String verb) {
        TalentCard card = requireCard(talentId, cardId);
        String why = reason(reason, true, null);
        requireVersion(version);
        if (card.status() != from) {
            throw new BusinessRuleException("英才卡状态为“" + card.statusLabel() + "”，不能" + verb);
        }
        if (!repository.changeStatus(cardId, version, from, to, why, user())) {
            throw new EditConflictException("英才卡 " + card.number());
        }
        audit.record(action, "talent_card", cardId, verb + "英才卡 " + card.number() + "（" + card.personName() + "），原因：" + why);
    }

    private long insert(long talentId, String tier, LocalDate issuedOn, LocalDate validUntil, Long replaces, String reason, String by) {
        for (int attempt = 0; ; attempt++) {
            // ON CONFLICT DO NOTHING: a refused insert leaves the transaction usable. A concurrent 发卡 for the same talent
            // (staff twice, or staff racing the recognition listener) waits for the other and is refused once it commits;
            // a number drawn twice (1 in 10¹⁰) is retried with a fresh one.
            Optional<Long> id = repository.insert(talentId, TalentCardNumber.generate(issuedOn), tier, issuedOn, validUntil, replaces, reason, by);
            if (id.isPresent()) {
                return id.get();
            }
            if (attempt >= 2 || repository.activeOf(talentId).isPresent()) {
                throw new BusinessRuleException("该人才已有有效的英才卡");
            }
        }
    }

    private static String reason(String reason, boolean required, String otherwise) {
        String r = reason == null ? "" : reason.trim();
        if (r.isEmpty()) {
            if (required) {
                throw FieldErrors.of("reason", "请填写原因");
            }
            return otherwise;
        }
        if (r.length() > 150) {
            throw FieldErrors.of("reason", "原因不能超过 150 个字");
        }
        return r;
    }

    private static void requireVersion(Integer version) {
        if (version == null) {
            throw FieldErrors.of("version", "缺少版本号，请刷新后重试");
        }
    }

    private static String user() {
        return Actor.current().map(Actor::username).orElse(SYSTEM);
    }
}
