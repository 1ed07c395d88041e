package org.zugong.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zugong.platform.calendar.WorkCalendar;
import org.zugong.platform.codes.CodeTables;
import org.zugong.platform.crypto.FieldCipher;
import org.zugong.platform.db.DatabaseMode;

/**
 * Seeds the fictional city 湘云市 on the first start of an empty database, so that a fresh install
 * can be tried at once: about a thousand organizations, five thousand persons, the cadre files of the
 * six hundred cadres among them ({@link DemoCadres}), their last two years of quarterly and annual
 * assessments ({@link DemoAssessments}), the city's assessment schemes ({@link DemoSchemes}) and the
 * demo logins.
 *
 * <p>Runs when {@code zugong.demo-data} is {@code true}, or {@code auto} (the default) with the
 * embedded database — never against an external database unless asked — and only while
 * {@code org_organization} is empty. Everything is written in one transaction, holding a lock on the
 * tree table so two instances starting together cannot both seed; a failure leaves nothing behind.
 * A fixed seed makes the data the same on every install (terms are placed relative to today so that
 * the 换届 reminders always have something to show).
 *
 * <p>This is the one deliberate exception to the module boundaries: it inserts straight into the
 * tables of the organization, person, cadre, assessment and access modules instead of going through their services,
 * because those services check the acting user, audit each change and publish events — none of which
 * make sense for data nobody entered, and all of which would make a thousand-fold load slow.
 * Runs before other runners so that they find the seeded tree.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class DemoDataLoader implements ApplicationRunner {

    static final String PASSWORD = "Zugong@2026";
    private static final long SEED = 20_260_101L;
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    /** What was written, for the log line. */
    record Summary(int organizations, long branches, int persons, int cadreFiles, int assessmentResults, List<String> usernames) {
    }

    private final boolean wanted;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final DemoWriter writer;
    private final FieldCipher cipher;
    private final PasswordEncoder passwordEncoder;
    private final CodeTables codes;
    private final WorkCalendar calendar;

    /** False seeds the organizations and logins only: an "empty" city to import cadre forms into. */
    private final boolean withPeople;

    DemoDataLoader(@Value("${zugong.demo-data:auto}") String setting, DatabaseMode databaseMode, JdbcClient jdbc,
                   JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager, FieldCipher cipher,
                   PasswordEncoder passwordEncoder, CodeTables codes,
                   @Value("${zugong.demo-people:true}") boolean withPeople, WorkCalendar calendar) {
        this.wanted = wanted(setting, databaseMode);
        this.withPeople = withPeople;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.writer = new DemoWriter(jdbc, jdbcTemplate, cipher);
        this.cipher = cipher;
        this.passwordEncoder = passwordEncoder;
        this.codes = codes;
        this.calendar = calendar;
    }

    /** {@code true}, {@code false}, or {@code auto}: only with the embedded database. */
    static boolean wanted(String setting, DatabaseMode databaseMode) {
        return switch (setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            case "auto", "" -> databaseMode == DatabaseMode.EMBEDDED;
            default -> throw new IllegalStateException(
                    "zugong.demo-data (ZUGONG_DEMO_DATA) must be true, false or auto, not \"" + setting + "\"");
        };
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!wanted || !treeIsEmpty()) {
            return;
        }
        long started = System.nanoTime();
        Summary summary = transaction.execute(status -> load());
        if (summary == null) {
            return;
        }
        log.info("演示数据已加载：{} 个组织（其中 {} 个党支部），{} 名人员（其中 {} 份干部档案），近两年考核结果 {} 条；演示账号 city / county1 / sysadmin / secadmin / auditadmin，密码 {}",
                summary.organizations(), summary.branches(), summary.persons(), summary.cadreFiles(),
                summary.assessmentResults(), PASSWORD);
        log.info("演示账号共 {} 个：{}；用时 {} 毫秒", summary.usernames().size(), String.join(" / ", summary.usernames()),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Writes everything, or returns null when another instance has seeded meanwhile. */
    private Summary load() {
        jdbc.sql("LOCK TABLE org_organization IN EXCLUSIVE MODE").update();
        if (!treeIsEmpty()) {
            return null;
        }
        Random random = new Random(SEED);
        LocalDate today = LocalDate.now();
        DemoCity city = DemoCity.plan(random, today);
        DemoNames names = DemoNames.load();
        List<DemoPerson> people = new DemoPeople(random, today, names, DemoRegions.of(codes.region().entries()))
                .generate(city.organizations());
        List<DemoCadreFile> generated = new DemoCadres(random, today, names, city.organizations()).generate(people);
        // its own seeded stream, so that adding the assessments left the rest of the demo data as it was
        DemoAssessments.Plan assessments = new DemoAssessments(new Random(SEED + 1), today, city.organizations(), people)
                .plan(generated);
        List<DemoCadreFile> cadreFiles = assessments.files();
        long[] orgIds = writer.insertOrganizations(city.organizations());
        if (withPeople) {
            long[] personIds = writer.insertPersons(people, orgIds);
            writer.insertCadreFiles(cadreFiles, personIds, orgIds);
            writer.insertAssessments(assessments, personIds, orgIds);
            // its own seeded stream too: the development records of 群众 and 共青团员 (issue 6)
            DemoRecruitment.insert(jdbc, new DemoRecruitment(new Random(SEED + 2), today, city, people).plan(), personIds, orgIds);
            new DemoSupervision(jdbc, cipher, today).insert();
            // its own seeded stream: the talent registry (issue 9)
            new DemoTalents(jdbc, new Random(SEED + 3), today).insert();
            new DemoTalentRecognition(jdbc, today).insert(); // issue 9: 认定申请 at every stage, 乡土人才积分
            // its own seeded stream: the talent cards (英才卡, issue 9 F71)
            new DemoTalentCards(jdbc, new Random(SEED + 9), today).insert();
        }
        new DemoSchemes(jdbc).insert(orgIds[0]); // the root 湘云市 is planned first
        List<String> usernames = new DemoAccounts(jdbc).insert(city, orgIds, passwordEncoder.encode(PASSWORD));
        if (withPeople) {
            // after the accounts (the officers): a season of one-stop service requests (issue 9, F72)
            new DemoTalentServices(jdbc, calendar, today).insert();
        }
        return new Summary(city.organizations().size(), city.branchCount(), withPeople ? people.size() : 0,
                withPeople ? cadreFiles.size() : 0, withPeople ? assessments.results().size() : 0, usernames);
    }

    private boolean treeIsEmpty() {
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM org_organization)").query(Boolean.class).single();
    }
}
