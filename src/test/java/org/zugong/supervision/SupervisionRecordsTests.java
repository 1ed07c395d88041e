package org.zugong.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.ResultActions;
import org.zugong.IntegrationTest;
import org.zugong.cadre.SanctionRecorded;

/** F35 supervision records: each kind through the API, ending and resolving, validation, jurisdiction, events. */
@RecordApplicationEvents
class SupervisionRecordsTests extends IntegrationTest {

    @Autowired
    ApplicationEvents events;

    @Autowired
    SupervisionFacts facts;

    @org.springframework.beans.factory.annotation.Autowired
    org.zugong.platform.crypto.FieldCipher cipher;

    private SupervisionFixture fixture;
    private long cadre;
    private final LocalDate today = LocalDate.now();

    @BeforeEach
    void setUp() {
        fixture = new SupervisionFixture(jdbc, cipher);
        long unit = fixture.unit(county(1), "监督测试局" + System.nanoTime());
        cadre = fixture.cadre(unit, "监督甲", "县处级副职", "公务员");
    }

    @AfterEach
    void tearDown() {
        fixture.cleanup();
    }

    private ResultActions create(String user, String json) throws Exception {
        return mvc.perform(post("/api/v1/supervision/records").header(HttpHeaders.AUTHORIZATION, bearer(user))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String createId(String json) throws Exception {
        String body = create("county1", json).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return body.replaceAll(".*\"id\":\"([A-Z]+-\\d+)\".*", "$1");
    }

    private long rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE person_id = :p").param("p", cadre).query(Long.class).single();
    }

    @Test
    void talksLettersAndPetitionsGoToTheSupervisionTableAndAreAnnounced() throws Exception {
        String talk = createId("{\"personId\":" + cadre + ",\"kind\":\"REMINDER_TALK\",\"date\":\"" + today.minusDays(3)
                + "\",\"summary\":\"工作作风不实，提醒谈话\",\"authority\":\"县纪委\"}");
        assertThat(talk).startsWith("SUP-");
        String letter = createId("{\"personId\":" + cadre + ",\"kind\":\"INQUIRY_LETTER\",\"date\":\"" + today.minusDays(40)
                + "\",\"deadline\":\"" + today.minusDays(10) + "\",\"summary\":\"反映其配偶经商问题\"}");
        String petition = createId("{\"personId\":" + cadre + ",\"kind\":\"PETITION\",\"date\":\"" + today.minusDays(5)
                + "\",\"summary\":\"群众来信反映违规收受礼金\",\"status\":\"INVESTIGATING\"}");
        assertThat(rows("supervision_record")).isEqualTo(3);
        assertThat(rows("cadre_record")).isZero();
        var org = jdbc.sql("SELECT DISTINCT org_id FROM supervision_record WHERE person_id = :p").param("p", cadre).query(Long.class).single();
        assertThat(org).isEqualTo(jdbc.sql("SELECT org_id FROM cadre_profile WHERE person_id = :p").param("p", cadre).query(Long.class).single());
        assertThat(events.stream(SupervisionRecordCreated.class).filter(e -> e.personId() == cadre).map(SupervisionRecordCreated::recordId))
                .containsExactly(talk, letter, petition);

        mvc.perform(get("/api/v1/supervision/records/" + letter).header(HttpHeaders.AUTHORIZATION, bearer("county1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.source").value("supervision"))
                .andExpect(jsonPath("$.kind").value("INQUIRY_LETTER")).andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.open").value(true)).andExpect(jsonPath("$.overdue").value(true));
        // The facts the warning rules read.
        assertThat(facts.openInquiries(java.util.List.of(cadre), today).get(cadre)).singleElement()
                .satisfies(f -> assertThat(f.overdue()).isTrue());
        assertThat(facts.reminderTalks(java.util.List.of(cadre), today.withDayOfYear(1), today).get(cadre)).containsExactly(today.minusDays(3));
        assertThat(facts.openPetitions(java.util.List.of(cadre)).get(cadre)).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(SupervisionStatus.INVESTIGATING));
        assertThat(jdbc.sql("SELECT count(*) FROM supervision_fact_view WHERE person_id = :p AND open").param("p", cadre)
                .query(Long.class).single()).isEqualTo(2);

        // Resolving the letter: a result is required; then it is closed and announced.
        mvc.perform(patch("/api/v1/supervision/records/" + letter).header(HttpHeaders.AUTHORIZATION, bearer("county1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"RESOLVED\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("result"));
        mvc.perform(patch("/api/v1/supervision/records/" + letter).header(HttpHeaders.AUTHORIZATION, bearer("county1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"RESOLVED\",\"result\":\"说明清楚，予以了结\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RESOLVED"))
                .andExpect(jsonPath("$.endDate").value(today.toString())).andExpect(jsonPath("$.open").value(false));
        assertThat(events.stream(SupervisionRecordClosed.class).filter(e -> e.recordId().equals(letter))).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(SupervisionKind.INQUIRY_LETTER));
        // A second resolve is refused; a talk has nothing to resolve.
        mvc.perform(patch("/api/v1/supervision/records/" + letter).header(HttpHeaders.AUTHORIZATION, bearer("county1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"RESOLVED\",\"result\":\"再次\"}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(patch("/api/v1/supervision/records/" + talk).header(HttpHeaders.AUTHORIZATION, bearer("county1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"RESOLVED\",\"result\":\"x\"}"))
                .andExpect(status().isUnprocessableContent());
        assertThat(facts.openInquiries(java.util.List.of(cadre), today)).isEmpty();

        mvc.perform(get("/api/v1/supervision/records").param("personId", Long.toString(cadre)).param("open", "true")
                        .header(HttpHeaders.AUTHORIZATION, bearer("county1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].id").value(petition));
    }

    @Test
    void admonishmentsAndSanctionsLandInTheCadreFileAndShowThere() throws Exception {
        long before = auditCount("CADRE_SANCTION");
        String admonishment = createId("{\"personId\":" + cadre + ",\"kind\":\"ADMONISHMENT\",\"date\":\"" + today.minusMonths(2)
                + "\",\"endDate\":\"" + today.plusMonths(4) + "\",\"summary\":\"违反中央八项规定精神\",\"authority\":\"县纪委\"}");
        String party = createId("{\"personId\":" + cadre + ",\"kind\":\"PARTY_SANCTION\",\"date\":\"" + today.minusMonths(1)
                + "\",\"endDate\":\"" + today.plusMonths(11) + "\",\"title\":\"党内警告处分\",\"summary\":\"违规公款吃喝\"}");
        String government = createId("{\"personId\":" + cadre + ",\"kind\":\"GOVERNMENT_SANCTION\",\"date\":\"" + today.minusDays(10)
                + "\",\"endDate\":\"" + today.plusMonths(6) + "\",\"title\":\"政务警告\",\"summary\":\"履职不力\"}");
        assertThat(admonishment).startsWith("CAD-");
        assertThat(rows("cadre_record")).isEqualTo(3);
        assertThat(rows("supervision_record")).isZero();
        assertThat(jdbc.sql("SELECT kind FROM cadre_record WHERE person_id = :p ORDER BY id").param("p", cadre).query(String.class).list())
                .containsExactly("诫勉", "党纪处分", "政务处分");
        assertThat(auditCount("CADRE_SANCTION")).isEqualTo(before + 3);
        assertThat(events.stream(SanctionRecorded.class).filter(e -> e.personId() == cadre)).hasSize(3);
        assertThat(events.stream(SupervisionRecordCreated.class).filter(e -> e.personId() == cadre).map(SupervisionRecordCreated::kind))
                .containsExactly(SupervisionKind.ADMONISHMENT, SupervisionKind.PARTY_SANCTION, SupervisionKind.GOVERNMENT_SANCTION);

        // The cadre file shows them (API and page).
        mvc.perform(get("/api/v1/cadres/" + cadre).header(HttpHeaders.AUTHORIZATION, bearer("county1")))
                .andExpect(jsonPath("$.records.length()").value(3)).andExpect(jsonPath("$.records[1].title").value("党内警告处分"));
        mvc.perform(get("/cadres/" + cadre).session(session("county1")))
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("诫勉影响期内"), Matchers.containsString("政务警告"),
                        Matchers.containsString("新增监督记录"))));

        // Ending the admonishment early: into the cadre file, announced as closed.
        LocalDate end = today.minusDays(1);
        mvc.perform(patch("/api/v1/supervision/records/" + admonishment).header(HttpHeaders.AUTHORIZATION, bearer("county1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"endDate\":\"" + end + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.source").value("cadre"))
                .andExpect(jsonPath("$.endDate").value(end.toString())).andExpect(jsonPath("$.open").value(false));
        assertThat(jdbc.sql("SELECT effect_end FROM cadre_record WHERE id = :id").param("id", Long.parseLong(admonishment.substring(4)))
                .query(LocalDate.class).single()).isEqualTo(end);
        assertThat(events.stream(SupervisionRecordClosed.class).filter(e -> e.recordId().equals(admonishment))).singleElement()
                .satisfies(e -> assertThat(e.date()).isEqualTo(end));
        // Ending it after its planned end is refused.
        mvc.perform(patch("/api/v1/supervision/records/" + party).header(HttpHeaders.AUTHORIZATION, bearer("county1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"endDate\":\"" + today.plusYears(2) + "\"}"))
                .andExpect(status().isBadRequest());

        // A measure entered on the cadre file page is a supervision record too.
        mvc.perform(post("/cadres/" + cadre + "/records").session(session("county1")).with(csrf()).param("kind", "诫勉")
                        .param("title", "诫勉谈话").param("decidedOn", today.toString()).param("effectEnd", today.plusMonths(6).toString()))
                .andExpect(flash().attribute("message", "已记录奖惩"));
        assertThat(events.stream(SupervisionRecordCreated.class).filter(e -> e.personId() == cadre)).hasSize(4);
        mvc.perform(get("/api/v1/supervision/records").param("personId", Long.toString(cadre)).param("open", "true")
                        .header(HttpHeaders.AUTHORIZATION, bearer("county1")))
                .andExpect(jsonPath("$[*].id", Matchers.containsInAnyOrder(Matchers.is(party), Matchers.is(government),
                        Matchers.startsWith("CAD-"))));
    }

    @Test
    void invalidRecordsStoreNothing() throws Exception {
        long sanctions = auditCount("CADRE_SANCTION");
        create("county1", "{\"personId\":" + cadre + ",\"kind\":\"INQUIRY_LETTER\",\"date\":\"" + today + "\",\"summary\":\"无期限\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("deadline"));
        create("county1", "{\"personId\":" + cadre + ",\"kind\":\"ADMONISHMENT\",\"date\":\"" + today + "\",\"summary\":\"无影响期\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("endDate"));
        create("county1", "{\"personId\":" + cadre + ",\"kind\":\"PETITION\",\"date\":\"" + today.plusDays(2) + "\",\"summary\":\"未来\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("date"));
        create("county1", "{\"personId\":" + cadre + ",\"kind\":\"AUDIT\",\"date\":\"" + today + "\",\"summary\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        create("county1", "{\"personId\":" + cadre + ",\"kind\":\"REMINDER_TALK\",\"date\":\"" + today + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("summary"));
        assertThat(rows("supervision_record")).isZero();
        assertThat(rows("cadre_record")).isZero();
        assertThat(auditCount("CADRE_SANCTION")).isEqualTo(sanctions);
        assertThat(events.stream(SupervisionRecordCreated.class).filter(e -> e.personId() == cadre)).isEmpty();
    }

    @Test
    void anotherCountySeesNothingAndItsAttemptsAreAudited() throws Exception {
        String talk = createId("{\"personId\":" + cadre + ",\"kind\":\"REMINDER_TALK\",\"date\":\"" + today + "\",\"summary\":\"提醒\"}");
        String admonishment = createId("{\"personId\":" + cadre + ",\"kind\":\"ADMONISHMENT\",\"date\":\"" + today
                + "\",\"endDate\":\"" + today.plusMonths(6) + "\",\"summary\":\"诫勉\"}");
        long denied = auditCount("ACCESS_DENIED");
        create("county2", "{\"personId\":" + cadre + ",\"kind\":\"REMINDER_TALK\",\"date\":\"" + today + "\",\"summary\":\"越权\"}")
                .andExpect(status().isNotFound());
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(denied + 1);
        for (String id : new String[] {talk, admonishment}) {
            mvc.perform(get("/api/v1/supervision/records/" + id).header(HttpHeaders.AUTHORIZATION, bearer("county2")))
                    .andExpect(status().isNotFound());
            mvc.perform(patch("/api/v1/supervision/records/" + id).header(HttpHeaders.AUTHORIZATION, bearer("county2"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"endDate\":\"" + today + "\"}")).andExpect(status().isNotFound());
        }
        assertThat(auditCount("ACCESS_DENIED")).isEqualTo(denied + 5);
        assertThat(rows("supervision_record")).isEqualTo(1);
        mvc.perform(get("/supervision/records/" + talk).session(session("county2"))).andExpect(status().isNotFound());

        // Lists hold only the subtree.
        String county2 = mvc.perform(get("/api/v1/supervision/records").header(HttpHeaders.AUTHORIZATION, bearer("county2")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(county2).doesNotContain("\"" + talk + "\"").doesNotContain("\"" + admonishment + "\"");
        mvc.perform(get("/api/v1/supervision/records").param("orgId", Long.toString(county(2)))
                .header(HttpHeaders.AUTHORIZATION, bearer("county1"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/supervision/records").param("orgId", Long.toString(county(1)))
                        .header(HttpHeaders.AUTHORIZATION, bearer("county1")))
                .andExpect(jsonPath("$[*].id", Matchers.hasItems(talk, admonishment)));
        String city = mvc.perform(get("/api/v1/supervision/records").header(HttpHeaders.AUTHORIZATION, bearer("city")))
                .andReturn().getResponse().getContentAsString();
        assertThat(city).contains("\"" + talk + "\"");
        // unit1 (no supervision permission) is refused.
        mvc.perform(get("/api/v1/supervision/records").header(HttpHeaders.AUTHORIZATION, bearer("unit1"))).andExpect(status().isForbidden());
    }

    @Test
    void thePagesListCreateAndResolve() throws Exception {
        var session = session("county1");
        mvc.perform(get("/supervision").param("personId", Long.toString(cadre)).session(session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("record-form"), Matchers.containsString("监督甲"))));
        mvc.perform(get("/supervision").param("q", "监督甲").session(session))
                .andExpect(content().string(Matchers.containsString("personId=" + cadre)));
        String location = mvc.perform(post("/supervision/records").session(session).with(csrf()).param("personId", Long.toString(cadre))
                        .param("kind", "PETITION").param("date", today.toString()).param("summary", "来信反映问题"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/supervision/records/SUP-");
        mvc.perform(get(location).session(session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("来信反映问题"), Matchers.containsString("受理"))));
        mvc.perform(post(location).session(session).with(csrf()).param("status", "RESOLVED").param("result", "查无实据"))
                .andExpect(flash().attribute("message", "已保存"));
        mvc.perform(get(location).session(session)).andExpect(content().string(Matchers.containsString("查无实据")));
        mvc.perform(get("/supervision").session(session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(location.substring(location.lastIndexOf('/') + 1))));
    }
}
