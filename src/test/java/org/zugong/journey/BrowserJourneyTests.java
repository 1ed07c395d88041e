package org.zugong.journey;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.zugong.person.IdNumber;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clerk's first journey in a real browser (headless Chromium from Debian's packages): log in,
 * expand the tree, create a person (organization chosen with the org picker) with a wrong ID check digit (Chinese error on the field, nothing
 * stored), correct it (stored), and find the person in the list with the ID number masked.
 */
class BrowserJourneyTests extends BrowserTest {

    private long countByName(String name) {
        return jdbc.sql("SELECT count(*) FROM person_person WHERE name = :n").param("n", name).query(Long.class).single();
    }

    @Test
    void clerkLogsInBrowsesTheTreeAndRegistersAPersonAfterFixingTheIdNumber() throws Exception {
        try {
            journey();
        } catch (AssertionError | RuntimeException e) {
            Path shot = Path.of("target", "journey-failure.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            throw e;
        }
    }

    /**
     * The cadre section's day one: import the demo zip of 任免审批表 (preview, then confirm), open one of
     * the new cadres, and open the print view of the form with its photo.
     */
    @Test
    void clerkImportsAZipOfCadreFormsOpensACadreAndPrintsTheForm() throws Exception {
        screenshotOnFailure("cadre-journey", () -> {
            login("city");
            driver.get(url("/cadres/import"));
            Path zip = Path.of("src", "test", "resources", "lrmx", "demo-cadres.zip").toAbsolutePath();
            driver.findElement(By.id("import-file")).sendKeys(zip.toString());
            driver.findElement(By.id("preview-import")).click();
            WebElement previews = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-previews")));
            assertThat(previews.getText()).contains("林晓峰").contains("新建人员和干部档案");
            assertThat(countByName("林晓峰")).isZero();

            WebElement confirm = driver.findElement(By.id("confirm-import"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", confirm);
            confirm.click();
            WebElement done = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-done")));
            assertThat(done.getText()).contains("林晓峰").contains("罗婷");
            assertThat(countByName("林晓峰")).isEqualTo(1);

            done.findElement(By.linkText("林晓峰、")).click();
            wait.until(ExpectedConditions.textToBe(By.id("cadre-name"), "林晓峰"));
            assertThat(driver.findElement(By.id("resume")).getText()).contains("湖南师范大学政治系思想政治教育专业学习");

            driver.get(driver.findElement(By.id("print-form")).getAttribute("href"));
            WebElement front = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("front")));
            assertThat(driver.findElement(By.cssSelector("h1.form-title")).getText().replace(" ", "")).contains("干部任免审批表");
            assertThat(front.getText()).contains("林晓峰").contains("湖南师范大学");
            assertThat(driver.findElement(By.id("back")).getText()).contains("王秀英");
            Object photoWidth = ((JavascriptExecutor) driver).executeScript(
                    "var img = document.querySelector('#front img'); return img ? img.naturalWidth : 0;");
            assertThat(((Number) photoWidth).intValue()).isEqualTo(295);
        });
    }

    /**
     * A unit through a whole annual assessment in the browser: open the period, each person's
     * self-summary, the leader's evaluation and the proposed grade, 公示, confirmation; the results then
     * stand in the cadre files.
     */
    @Test
    void clerkRunsAUnitThroughAWholeAnnualAssessment() throws Exception {
        screenshotOnFailure("assessment-journey", () -> {
            int year = java.time.LocalDate.now().getYear();
            long unit = jdbc.sql("""
                    SELECT c.org_id FROM cadre_profile c JOIN org_organization o ON o.id = c.org_id
                    WHERE o.path LIKE (SELECT path FROM org_organization WHERE id = :county) || '%'
                      AND NOT EXISTS (SELECT 1 FROM assessment_period a WHERE a.org_id = c.org_id AND a.year = :y)
                    GROUP BY c.org_id HAVING count(*) BETWEEN 2 AND 4 ORDER BY count(*), c.org_id LIMIT 1""")
                    .param("county", county(2)).param("y", year).query(Long.class).single();
            login("county2");
            driver.get(url("/assessment/periods"));
            setValue(driver.findElement(By.id("orgId")), Long.toString(unit));
            new Select(driver.findElement(By.id("period-kind"))).selectByValue("ANNUAL");
            driver.findElement(By.id("open-period-submit")).click();
            WebElement unitLink = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#unit-table a")));
            unitLink.click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result-table")));
            String unitUrl = driver.getCurrentUrl();
            java.util.List<String> people = driver.findElements(By.cssSelector("#result-table td:first-child a")).stream()
                    .map(a -> a.getAttribute("href")).toList();
            assertThat(people).hasSizeBetween(2, 4);
            for (String person : people) {
                driver.get(person);
                driver.findElement(By.id("self-summary")).sendKeys("认真履行岗位职责，较好完成年度各项任务。");
                driver.findElement(By.id("submit-self-summary")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("evaluation-note")));
                // The unit's scheme asks a score per indicator (德、能、勤、绩、廉 …), or a total without a scheme.
                for (WebElement input : driver.findElements(By.cssSelector("#indicator-scores input, #evaluation-score"))) {
                    input.sendKeys("86");
                }
                for (WebElement select : driver.findElements(By.cssSelector("#indicator-scores select"))) {
                    new Select(select).selectByIndex(1);
                }
                driver.findElement(By.id("evaluation-note")).sendKeys("工作扎实");
                driver.findElement(By.id("submit-evaluation")).click();
                new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proposal-grade")))).selectByValue("2");
                driver.findElement(By.id("submit-proposal")).click();
                wait.until(ExpectedConditions.textToBe(By.id("grade-name"), "称职"));
                assertThat(driver.findElement(By.id("steps")).getText()).contains("个人小结 完成").contains("领导评价 完成").contains("拟定等次 完成");
            }
            driver.get(unitUrl);
            driver.findElement(By.id("start-publicity")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("publicity-span")));
            // Five working days pass.
            jdbc.sql("UPDATE assessment_result SET publicity_to = CURRENT_DATE - 1 WHERE org_id = :o AND publicity_to IS NOT NULL AND stage = 'PUBLICITY'")
                    .param("o", unit).update();
            driver.get(unitUrl);
            driver.findElement(By.id("confirm-unit")).click();
            driver.switchTo().alert().accept();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已确认"));
            assertThat(driver.findElement(By.id("result-table")).getText()).contains("已确认");

            // The results stand in the cadre file.
            long personId = Long.parseLong(people.getFirst().replaceAll(".*/results/(\\d+).*", "$1"));
            driver.get(url("/cadres/" + personId));
            WebElement annual = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("annual-results")));
            assertThat(annual.getText()).contains(year + " 称职");
            assertThat(driver.findElement(By.id("annual-text")).getText()).contains(year + "年度考核称职");
        });
    }

    private void journey() throws Exception {
        // Log in.
        login("county1");
        assertThat(driver.findElement(By.id("current-user")).getText()).contains("青溪县委组织部");

        // Expand the tree: the county's children load lazily.
        driver.get(url("/organizations"));
        long countyId = county(1);
        WebElement countyNode = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li[data-org-id='" + countyId + "']")));
        countyNode.findElement(By.cssSelector(".zg-toggle")).click();
        wait.until(d -> !countyNode.findElements(By.cssSelector("ul li[data-org-id]")).isEmpty());
        assertThat(countyNode.findElements(By.cssSelector("ul li[data-org-id]")).size()).isGreaterThan(3);

        // Create a person with a wrong check digit.
        String name = "浏览器测试员";
        String good = IdNumber.withCheckDigit("43010419910315123").value();
        char wrongDigit = good.charAt(17) == '1' ? '2' : '1';
        String bad = good.substring(0, 17) + wrongDigit;
        driver.get(url("/persons/new"));
        // Choose the organization with the shared org picker: open the dialog, pick the county.
        driver.findElement(By.cssSelector(".zg-org-picker-open[data-target='orgId']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#org-picker-tree .zg-pick[data-id='" + countyId + "']"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("org-picker-dialog")));
        assertThat(driver.findElement(By.id("orgId")).getAttribute("value")).isEqualTo(String.valueOf(countyId));
        driver.findElement(By.id("name")).sendKeys(name);
        new Select(driver.findElement(By.id("sex"))).selectByValue("1");
        setValue(driver.findElement(By.id("birthDate")), "1991-03-15");
        driver.findElement(By.id("idNumber")).sendKeys(bad);
        new Select(driver.findElement(By.id("ethnicity"))).selectByValue("01");
        driver.findElement(By.id("save-person")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("idNumber-error")));
        assertThat(error.getText()).contains("校验位错误");
        assertThat(countByName(name)).isZero();

        // Correct it: stored.
        WebElement idField = driver.findElement(By.id("idNumber"));
        idField.clear();
        idField.sendKeys(good);
        driver.findElement(By.id("save-person")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("person-name")));
        assertThat(driver.findElement(By.id("person-name")).getText()).isEqualTo(name);
        assertThat(countByName(name)).isEqualTo(1);

        // Find the person in the list: the ID number is masked, in the table and in the HTML.
        driver.get(url("/persons"));
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("search-persons")).click();
        // The unfiltered list is on the page until the search's page arrives: wait for the result itself.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("person-table"), name));
        assertThat(driver.findElement(By.id("person-table")).getText()).contains(name).contains(IdNumber.mask(good));
        assertThat(driver.getPageSource()).doesNotContain(good);
    }
}
