package org.zugong.talent;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** F71 英才卡 for staff and the talent: issue on recognition, staff actions (audited, versioned, in the jurisdiction), expiry, portal. */
class TalentCardTests extends IntegrationTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TalentCards cards;

    private final List<Long> talents = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        if (!talents.isEmpty()) {
            jdbc.sql("DELETE FROM talent_card_verification WHERE card_id IN (SELECT id FROM talent_card WHERE talent_id IN (:t))")
                    .param("t", talents).update();
            jdbc.sql("UPDATE talent_card SET replaces_card_id = NULL WHERE talent_id IN (:t)").param("t", talents).update();
            jdbc.sql("DELETE FROM talent_card WHERE talent_id IN (:t)").param("t", talents).update();
            jdbc.sql("DELETE FROM talent WHERE id IN (:t)").param("t", talents).update();
            talents.clear();
        }
    }

    /** A recognized registry record of a person of the county without one (valid for two more years), removed after the test. */
    private long newTalentIn(int county) {
        long id = jdbc.sql("""
                INSERT INTO talent (person_id, org_id, tier_code, category, introduction_mode, introduced_on, status, recognized_on, valid_until,
                                    created_by, updated_by)
                SELECT p.id, p.org_id, 'C', '科技', '全职', current_date - 400, 'RECOGNIZED', current_date - 300, current_date + 730,
                       'card-test', 'card-test'
                FROM person_person p JOIN org_organization o ON o.id = p.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' AND o.kind NOT LIKE 'PARTY%'
                  AND NOT EXISTS (SELECT 1 FROM talent t WHERE t.person_id = p.id)
                ORDER BY p.id LIMIT 1 RETURNING id""").param("c", county(county)).query(Long.class).single();
        talents.add(id);
        return id;
    }

    private record Row(long id, String number, String status, int version, LocalDate validUntil, Long replaces, String reason) {
    }

    private List<Row> cardsOf(long talentId) {
        return jdbc.sql("SELECT id, number, status, version, valid_until, replaces_card_id, status_reason FROM talent_card WHERE talent_id = :t ORDER BY id")
                .param("t", talentId).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getDate(5).toLocalDate(), (Long) rs.getObject(6), rs.getString(7))).list();
    }

    private void publish(TalentRecognized e) {
        transactions.executeWithoutResult(s -> events.publishEvent(e));
    }

    private List<Row> awaitCards(long talentId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Row> rows = cardsOf(talentId);
        while (rows.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            rows = cardsOf(talentId);
        }
        return rows;
    }

    @Test
    void aCardIsIssuedOnTalentRecognizedAndARenewalCancelsTheOldOne() throws Exception {
        long t = newTalentIn(1);
        long person = jdbc.sql("SELECT person_id FROM talent WHERE id = :t").param("t", t).query(Long.class).single();
        LocalDate until = LocalDate.now().plusYears(3).minusDays(1);
        publish(new TalentRecognized(t, person, "C", LocalDate.now(), until));
        List<Row> first = awaitCards(t, 1);
        assertThat(first).hasSize(1);
        assertThat(first.getFirst().status()).isEqualTo("ACTIVE");
        assertThat(first.getFirst().validUntil()).isEqualTo(until);
        assertThat(TalentCardNumber.isValid(first.getFirst().number())).isTrue();
        assertThat(jdbc.sql("SELECT tier_code FROM talent_card WHERE id = :id").param("id", first.getFirst().id()).query(String.class).single())
                .isEqualTo("C");

        // the renewal (a new recognition, tier B now): the old card is cancelled, a new one issued
        LocalDate renewed = LocalDate.now().plusYears(5).minusDays(1);
        publish(new TalentRecognized(t, person, "B", LocalDate.now(), renewed));
        List<Row> both = awaitCards(t, 2);
        assertThat(both).hasSize(2);
        assertThat(both.get(0).status()).isEqualTo("CANCELLED");
        assertThat(both.get(0).reason()).contains("重新认定");
        assertThat(both.get(1).status()).isEqualTo("ACTIVE");
        assertThat(both.get(1).validUntil()).isEqualTo(renewed);
        assertThat(both.get(1).number()).isNotEqualTo(both.get(0).number());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'TALENT_CARD_ISSUE' AND target_id = :id")
                .param("id", String.valueOf(both.get(1).id())).query(Long.class).single()).isEqualTo(1);

        // delivered again (a restart republishes outstanding events): nothing changes
        cards.onRecognized(new TalentRecognized(t, person, "B", LocalDate.now(), renewed));
        assertThat(cardsOf(t)).hasSize(2);
    }

    @Test
    void staffIssueReportLostUnlockReplaceAndCancelWithAReasonAuditedAndVersioned() throws Exception {
        long t = newTalentIn(1);
        MockHttpSession office = session("talentoffice");
        mvc.perform(post("/talents/{id}/card", t).param("reason", "补发测试").session(office).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "已发放英才卡"));
        Row card = cardsOf(t).getFirst();
        assertThat(card.status()).isEqualTo("ACTIVE");
        // a second card while one is active: refused
        mvc.perform(post("/talents/{id}/card", t).session(office).with(csrf()))
                .andExpect(flash().attribute("error", containsString("已有有效的英才卡")));

        // 挂失 without a reason, and with a stale version: refused, nothing changes
        mvc.perform(post("/talents/{id}/card/lost", t).param("cardId", "" + card.id()).param("version", "" + card.version())
                        .session(office).with(csrf()))
                .andExpect(flash().attribute("error", containsString("请填写原因")));
        mvc.perform(post("/talents/{id}/card/lost", t).param("cardId", "" + card.id()).param("version", "" + (card.version() + 7))
                        .param("reason", "遗失").session(office).with(csrf()))
                .andExpect(flash().attribute("error", containsString("英才卡")));
        assertThat(cardsOf(t).getFirst().status()).isEqualTo("ACTIVE");

        long lostAudits = auditCount("TALENT_CARD_LOST");
        mvc.perform(post("/talents/{id}/card/lost", t).param("cardId", "" + card.id()).param("version", "" + card.version())
                        .param("reason", "本人遗失").session(office).with(csrf()))
                .andExpect(flash().attribute("message", "已挂失"));
        Row lost = cardsOf(t).getFirst();
        assertThat(lost.status()).isEqualTo("LOST");
        assertThat(lost.reason()).isEqualTo("本人遗失");
        assertThat(lost.version()).isEqualTo(card.version() + 1);
        assertThat(auditCount("TALENT_CARD_LOST")).isEqualTo(lostAudits + 1);
        assertThat(jdbc.sql("SELECT updated_by FROM talent_card WHERE id = :id").param("id", card.id()).query(String.class).single())
                .isEqualTo("talentoffice");

        long unlocks = auditCount("TALENT_CARD_UNLOCK");
        mvc.perform(post("/talents/{id}/card/unlock", t).param("cardId", "" + card.id()).param("version", "" + lost.version())
                .param("reason", "已找回").session(office).with(csrf())).andExpect(flash().attribute("message", "已解除挂失"));
        assertThat(cardsOf(t).getFirst().status()).isEqualTo("ACTIVE");
        assertThat(auditCount("TALENT_CARD_UNLOCK")).isEqualTo(unlocks + 1);

        Row again = cardsOf(t).getFirst();
        mvc.perform(post("/talents/{id}/card/lost", t).param("cardId", "" + card.id()).param("version", "" + again.version())
                .param("reason", "再次遗失").session(office).with(csrf())).andExpect(flash().attribute("message", "已挂失"));
        long replaces = auditCount("TALENT_CARD_REPLACE");
        mvc.perform(post("/talents/{id}/card/replace", t).param("cardId", "" + card.id()).param("version", "" + (again.version() + 1))
                .param("reason", "补办新卡").session(office).with(csrf())).andExpect(flash().attribute("message", "已补办新卡"));
        List<Row> rows = cardsOf(t);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).status()).as("the lost card stays lost").isEqualTo("LOST");
        assertThat(rows.get(1).status()).isEqualTo("ACTIVE");
        assertThat(rows.get(1).replaces()).isEqualTo(card.id());
        assertThat(auditCount("TALENT_CARD_REPLACE")).isEqualTo(replaces + 1);
        // the lost one cannot come back while its replacement is active
        mvc.perform(post("/talents/{id}/card/unlock", t).param("cardId", "" + card.id()).param("version", "" + rows.get(0).version())
                .param("reason", "找回").session(office).with(csrf())).andExpect(flash().attribute("error", containsString("不能解除挂失")));

        long cancels = auditCount("TALENT_CARD_CANCEL");
        mvc.perform(post("/talents/{id}/card/cancel", t).param("cardId", "" + rows.get(1).id()).param("version", "" + rows.get(1).version())
                .param("reason", "调离本地").session(office).with(csrf())).andExpect(flash().attribute("message", "已注销"));
        assertThat(cardsOf(t).get(1).status()).isEqualTo("CANCELLED");
        assertThat(auditCount("TALENT_CARD_CANCEL")).isEqualTo(cancels + 1);

        // the section shows the history, and the list finds the card by number and by status
        mvc.perform(get("/talents/{id}/card", t).session(office)).andExpect(status().isOk())
                .andExpect(content().string(containsString(rows.get(1).number())))
                .andExpect(content().string(containsString("id=\"talent-card-history\"")));
        mvc.perform(get("/talent-cards").param("q", rows.get(1).number()).session(office)).andExpect(status().isOk())
                .andExpect(content().string(containsString(rows.get(1).number())))
                .andExpect(content().string(not(containsString(rows.get(0).number()))));
        mvc.perform(get("/talent-cards").param("status", "LOST").session(office)).andExpect(status().isOk())
                .andExpect(content().string(containsString(rows.get(0).number())))
                .andExpect(content().string(not(containsString(rows.get(1).number()))));
    }

    @Test
    void anotherCountysCardIs404AndTheProbeIsAudited() throws Exception {
        long foreign = jdbc.sql("""
                SELECT min(c.talent_id) FROM talent_card c JOIN talent t ON t.id = c.talent_id JOIN org_organization o ON o.id = t.org_id
                WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :c) || '%' AND c.status = 'ACTIVE'""")
                .param("c", county(2)).query(Long.class).single();
        Row card = cardsOf(foreign).stream().filter(r -> r.status().equals("ACTIVE")).findFirst().orElseThrow();
        MockHttpSession office = session("talentoffice");
        long denied = auditCount("ACCESS_DENIED");
        mvc.perform(get("/talents/{id}/card", foreign).session(office)).andExpect(status().isNotFound());
        mvc.perform(get("/talents/{id}/card/qr", foreign).param("cardId", "" + card.id()).session(office)).andExpect(status().isNotFound());
        mvc.perform(post("/talents/{id}/card/lost", foreign).param("cardId", "" + card.id()).param("version", "" + card.version())
                .param("reason", "越权").session(office).with(csrf())).andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(denied + 3);
        assertThat(cardsOf(foreign).stream().filter(r -> r.id() == card.id()).findFirst().orElseThrow().status()).isEqualTo("ACTIVE");
        // a card of another talent named under an own talent's id: 404 too
        long own = jdbc.sql("SELECT 1::bigint").query(Long.class).single();
        mvc.perform(post("/talents/{id}/card/lost", own).param("cardId", "" + card.id()).param("version", "" + card.version())
                .param("reason", "越权").session(office).with(csrf())).andExpect(status().isNotFound());
        // and the list of county 1 shows no card of county 2
        mvc.perform(get("/talent-cards").param("q", card.number()).session(office)).andExpect(status().isOk())
                .andExpect(content().string(containsString("没有符合条件的英才卡")));
    }

    @Test
    void aTalentSeesOnlyTheirOwnCardWithItsQrCodeOnThePortal() throws Exception {
        String own = jdbc.sql("SELECT number FROM talent_card WHERE talent_id = 1 AND status = 'ACTIVE'").query(String.class).single();
        List<String> others = jdbc.sql("SELECT number FROM talent_card WHERE talent_id <> 1").query(String.class).list();
        MockHttpSession talent = session("talent1");
        String page = mvc.perform(get("/portal/card").session(talent)).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(containsString(own)))
                .andExpect(content().string(containsString("/portal/card/qr")))
                .andReturn().getResponse().getContentAsString();
        assertThat(others).noneMatch(page::contains);
        mvc.perform(get("/portal/card/qr").session(talent)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"));
        mvc.perform(get("/portal").session(talent)).andExpect(content().string(containsString("我的英才卡")));
        // staff have no portal, and a talent no staff card pages
        mvc.perform(get("/portal/card").session(session("talentoffice"))).andExpect(status().isForbidden());
        mvc.perform(get("/talents/1/card").session(talent)).andExpect(status().isForbidden());
        mvc.perform(get("/talent-cards").session(talent)).andExpect(status().isForbidden());
    }

    @Test
    void theStaffSectionShowsTheCurrentCardWithItsQrCodeAndIsAudited() throws Exception {
        String own = jdbc.sql("SELECT number FROM talent_card WHERE talent_id = 1 AND status = 'ACTIVE'").query(String.class).single();
        long views = auditCount("TALENT_CARD_VIEW");
        mvc.perform(get("/talents/1").session(session("talentoffice"))).andExpect(content().string(containsString("/talents/1/card")));
        mvc.perform(get("/talents/1/card").session(session("talentoffice"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(own)))
                .andExpect(content().string(containsString("id=\"talent-card-qr\"")))
                .andExpect(content().string(containsString("/verify/" + own + "?token=v1.")));
        assertThat(auditCount("TALENT_CARD_VIEW")).isEqualTo(views + 1);
        // read-only staff see the card, without the actions
        mvc.perform(get("/talents/1/card").session(session("county1"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"talent-card-actions\""))));
    }

    @Test
    void theNightlyRunMarksActiveCardsPastTheirValidityAsExpired() {
        long t = newTalentIn(1);
        long id = jdbc.sql("""
                INSERT INTO talent_card (talent_id, number, tier_code, issued_on, valid_until, created_by, updated_by)
                VALUES (:t, :n, 'C', current_date - 30, current_date - 1, 'card-test', 'card-test') RETURNING id""")
                .param("t", t).param("n", TalentCardNumber.generate(LocalDate.now())).query(Long.class).single();
        assertThat(cards.expire(LocalDate.now())).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM talent_card WHERE id = :id").param("id", id).query(String.class).single()).isEqualTo("EXPIRED");
    }

    @Test
    void cardNumbersAreRandomWellFormedAndASingleMistypedDigitIsCaught() {
        String n = TalentCardNumber.generate(LocalDate.of(2026, 5, 1));
        assertThat(n).matches("YC26[0-9]{10}[0-9X]");
        assertThat(TalentCardNumber.isValid(n)).isTrue();
        for (int i = 2; i < 14; i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != n.charAt(i)) {
                    String typo = n.substring(0, i) + d + n.substring(i + 1);
                    assertThat(TalentCardNumber.isValid(typo)).as(typo).isFalse();
                }
            }
        }
        assertThat(TalentCardNumber.check("11010519491231002")).as("the ID-number check of GB 11643").isEqualTo('X');
        assertThat(TalentCardNumber.normalize(" yc26-1234 ")).isEqualTo("YC261234");
        assertThat(TalentCard.maskName("刘彪松")).isEqualTo("刘*松");
        assertThat(TalentCard.maskName("王五")).isEqualTo("王*");
        assertThat(TalentCard.maskName("欧阳娜娜")).isEqualTo("欧**娜");
    }

    @Test
    void demoDataHasCardsOfEveryStatusAndAFewDozenVerifications() {
        var statuses = jdbc.sql("SELECT DISTINCT status FROM talent_card WHERE created_by = 'demo'").query(String.class).list();
        assertThat(statuses).contains("ACTIVE", "EXPIRED", "CANCELLED", "LOST");
        assertThat(jdbc.sql("SELECT count(*) FROM talent_card c JOIN talent_card l ON l.id = c.replaces_card_id WHERE l.status = 'LOST' AND c.created_by = 'demo'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM talent_card_verification WHERE client_ip LIKE '192.0.2.%'").query(Long.class).single())
                .isGreaterThanOrEqualTo(30);
    }
}
