package org.zugong.journey;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6 in a real browser: a county clerk registers an 入党申请人 and takes them, step by step on the record
 * page, to 正式党员 — with both pre-reviews (基层党委 and 县级党委组织部门) before the admission meeting. A
 * development-target date only eleven months after the activist date is refused on the page naming the rule.
 */
class RecruitmentJourneyTests extends BrowserTest {

    private static final String COUNTY1_PATH = "(SELECT path FROM org_organization WHERE id = :county) || '%'";

    @Test
    void clerkTakesACandidateFromApplicationToFullMemberWithBothPreReviews() throws Exception {
        screenshotOnFailure("recruitment-journey", this::journey);
    }

    private void journey() {
        long county = county(1);
        // An applicant whose own unit has a 党支部 (the first, by name, is offered first).
        long personId = jdbc.sql("""
                SELECT p.id FROM person_person p JOIN org_organization o ON o.id = p.org_id
                WHERE o.path LIKE %s AND p.active AND p.political_status IN ('13', '03') AND p.birth_date <= DATE '2004-01-10'
                  AND NOT EXISTS (SELECT 1 FROM recruitment_candidate c WHERE c.person_id = p.id AND c.stage NOT IN ('FULL_MEMBER', 'CANCELLED'))
                  AND EXISTS (SELECT 1 FROM org_organization b WHERE b.kind IN ('PARTY_BRANCH', 'PARTY_JOINT_BRANCH') AND b.active
                                AND b.path LIKE o.path || '%%')
                ORDER BY p.id LIMIT 1""".formatted(COUNTY1_PATH)).param("county", county).query(Long.class).single();
        String personName = jdbc.sql("SELECT name FROM person_person WHERE id = :p").param("p", personId).query(String.class).single();
        long branch = jdbc.sql("""
                SELECT b.id FROM org_organization b, person_person p JOIN org_organization o ON o.id = p.org_id
                WHERE p.id = :p AND b.kind IN ('PARTY_BRANCH', 'PARTY_JOINT_BRANCH') AND b.active AND b.path LIKE o.path || '%'
                ORDER BY b.name, b.id LIMIT 1""").param("p", personId).query(Long.class).single();
        // Introducers are chosen among the full members of the unit the branch is built in.
        List<Long> introducers = jdbc.sql("""
                SELECT p.id FROM person_person p JOIN org_organization o ON o.id = p.org_id
                WHERE o.path LIKE (SELECT u.path FROM org_organization u, org_organization b WHERE b.id = :branch
                                     AND b.path LIKE u.path || '%' AND u.id <> b.id AND u.kind NOT LIKE 'PARTY%' ORDER BY u.depth DESC LIMIT 1) || '%'
                  AND p.active AND p.political_status = '01' ORDER BY p.name, p.id LIMIT 2""")
                .param("branch", branch).query(Long.class).list();
        assertThat(introducers).hasSize(2);

        // Register the applicant from the 发展党员 tab of the person's page, with the branch of their unit.
        login("county1");
        driver.get(url("/persons/" + personId));
        scrollAndClick(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[@role='tab' and text()='发展党员']"))));
        WebElement register = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recruitment-register-form")));
        new Select(register.findElement(By.id("tab-branchOrgId"))).selectByValue(Long.toString(branch));
        setValue(register.findElement(By.id("tab-applicationDate")), "2022-01-10");
        scrollAndClick(register.findElement(By.cssSelector("button[type='submit']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("steps")));
        assertThat(driver.findElement(By.cssSelector(".zg-page-title")).getText()).contains(personName).contains("入党申请人");
        assertThat(nextKey()).isEqualTo("talk");

        step("talk", Map.of("date", "2022-02-08"), "activist");
        step("activist", Map.of("date", "2022-03-01"), "development-target");
        assertThat(stage()).isEqualTo("入党积极分子");

        // Assessments every six months at most: the note of the next step moves the next assessment's due date.
        assess("2022-08-20");
        assertThat(driver.findElement(By.id("next-step")).getText()).contains("下一次考察应不晚于 2023-02-20");
        assess("2023-02-01");
        assertThat(driver.findElement(By.id("next-step")).getText()).contains("下一次考察应不晚于 2023-08-01");
        assertThat(driver.findElement(By.id("steps")).getText().split("入党积极分子考察", -1)).hasSize(3);

        // Eleven months after the activist date is too early: refused on the page with the rule, nothing stored.
        assertThat(driver.findElement(By.id("next-earliest")).getText()).isEqualTo("2023-03-01");
        fillAndSubmit("development-target", Map.of("date", "2023-02-01", "introducer1", introducers.get(0).toString(),
                "introducer2", introducers.get(1).toString()));
        WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("step-error")));
        assertThat(error.getText()).contains("ACTIVIST_LESS_THAN_ONE_YEAR").contains("不满一年").contains("未保存");
        assertThat(stage()).isEqualTo("入党积极分子");
        assertThat(nextKey()).isEqualTo("development-target");
        assertThat(jdbc.sql("SELECT development_target_date IS NULL FROM recruitment_candidate WHERE person_id = :p")
                .param("p", personId).query(Boolean.class).single()).isTrue();

        // A year and more after: a development target with two full members as introducers.
        step("development-target", Map.of("date", "2023-03-15", "introducer1", introducers.get(0).toString(),
                "introducer2", introducers.get(1).toString()), "political-review");
        assertThat(stage()).isEqualTo("发展对象");
        assertThat(driver.getPageSource()).contains("入党介绍人");
        step("political-review", Map.of("date", "2023-04-10", "passed", "true"), "training");
        step("training", Map.of("days", "3"), "notice");
        step("notice", Map.of("start", "2023-05-08", "end", "2023-05-12"), "pre-review");
        assertThat(new Select(driver.findElement(By.id("level"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("PARTY_COMMITTEE");
        step("pre-review", Map.of("date", "2023-05-15", "level", "PARTY_COMMITTEE", "passed", "true"), "pre-review");
        assertThat(new Select(driver.findElement(By.id("level"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("COUNTY_DEPARTMENT");
        step("pre-review", Map.of("date", "2023-05-22", "level", "COUNTY_DEPARTMENT", "passed", "true"), "admission");
        assertThat(driver.findElement(By.id("steps")).getText()).contains("基层党委预审").contains("县级党委组织部门预审");
        assertThat(driver.findElement(By.id("next-earliest")).getText()).isEqualTo("2023-05-22");
        step("admission", Map.of("date", "2023-06-01", "dueVoters", "20", "present", "18", "votesFor", "17"), "approval");
        step("approval", Map.of("date", "2023-06-20"), "conversion");
        assertThat(stage()).isEqualTo("预备党员");
        assertThat(driver.findElement(By.id("probation-end")).getText()).isEqualTo("2024-05-31");
        assertThat(politicalStatus(personId)).isEqualTo("02");
        step("conversion", Map.of("date", "2024-06-05", "dueVoters", "21", "present", "19", "votesFor", "19"), "conversion-approval");
        step("conversion-approval", Map.of("date", "2024-06-20"), null);

        // A full member: no next step, no violations, and the person's political status is 中共党员.
        assertThat(stage()).isEqualTo("正式党员");
        assertThat(driver.findElements(By.id("next-step"))).isEmpty();
        assertThat(driver.findElements(By.id("violations"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector(".zg-page-title")).getText()).contains("正式党员");
        assertThat(driver.findElement(By.tagName("section")).getText()).contains("党龄自 2024-06-01 起算");
        assertThat(politicalStatus(personId)).isEqualTo("01");
        assertThat(jdbc.sql("SELECT party_join_date FROM person_person WHERE id = :p").param("p", personId)
                .query(java.time.LocalDate.class).single()).isEqualTo(java.time.LocalDate.of(2024, 6, 1));
    }

    /** Records the next step on the record page and checks that it is stored and that the next one moved on. */
    private void step(String key, Map<String, String> fields, String expectedNext) {
        fillAndSubmit(key, fields);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("steps")));
        assertThat(driver.findElements(By.id("step-error"))).as("error after %s", key).isEmpty();
        assertThat(driver.findElements(By.id("violations"))).as("violations after %s", key).isEmpty();
        assertThat(nextKey()).as("next step after %s", key).isEqualTo(expectedNext);
    }

    private void fillAndSubmit(String key, Map<String, String> fields) {
        assertThat(nextKey()).isEqualTo(key);
        WebElement form = driver.findElement(By.id("next-step-form"));
        fields.forEach((name, value) -> {
            WebElement field = form.findElement(By.id(name));
            if ("select".equals(field.getTagName())) {
                new Select(field).selectByValue(value);
            } else {
                setValue(field, value);
            }
        });
        scrollAndClick(form.findElement(By.cssSelector("button[type='submit']")));
        wait.until(ExpectedConditions.stalenessOf(form));
    }

    private void assess(String date) {
        WebElement form = driver.findElement(By.id("assessment-form"));
        setValue(form.findElement(By.name("date")), date);
        form.findElement(By.name("note")).sendKeys("表现良好");
        scrollAndClick(form.findElement(By.cssSelector("button[type='submit']")));
        wait.until(ExpectedConditions.stalenessOf(form));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("steps")));
        assertThat(driver.findElements(By.id("step-error"))).isEmpty();
        assertThat(driver.findElement(By.id("steps")).getText()).contains(date + " 表现良好");
    }

    /** The key of the next step's form ({@code …/steps/<key>}), or null when the record needs no further step. */
    private String nextKey() {
        List<WebElement> forms = driver.findElements(By.id("next-step-form"));
        if (forms.isEmpty()) {
            return null;
        }
        String action = forms.getFirst().getAttribute("action");
        return action.substring(action.lastIndexOf('/') + 1);
    }

    private String stage() {
        return driver.findElement(By.cssSelector(".zg-page-title .badge")).getText();
    }

    private String politicalStatus(long personId) {
        return jdbc.sql("SELECT political_status FROM person_person WHERE id = :p").param("p", personId).query(String.class).single();
    }
}
