package org.zugong.journey;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.zugong.person.IdNumber;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 9 in a real browser, end to end: the talent office opens an applicant account for a person of a unit;
 * the applicant signs in (changing the initial password), applies for recognition on the portal with a degree
 * certificate; the employer confirms, the talent office reviews, the expert committee votes, the 公示 runs, the
 * talent office recognizes; the card (英才卡) is issued on the recognition; a service counter that is not signed
 * in scans the card's QR code and sees the masked name, tier and validity; the talent files a service request,
 * the service officer it is routed to accepts and finishes it, and the talent rates it.
 *
 * <p>The application is filed today on the portal and then back-dated 60 days in the database — the weeks a
 * real recognition takes (the 公示 alone lasts five working days) — so that every later step can carry its own
 * past date and the recognition falls after the 公示, as the workflow requires.
 */
class TalentJourneyTests extends BrowserTest {

    private static final String NEW_PASSWORD = "Rencai@2026x";

    @Test
    void aTalentAppliesIsRecognizedReceivesACardThatAProviderVerifiesAndHasAServiceRequestFinishedAndRated() throws Exception {
        screenshotOnFailure("talent-journey", this::journey);
    }

    private void journey() throws Exception {
        LocalDate today = LocalDate.now();
        // A newly registered person of unit1's unit (so that the demo employer login confirms the application).
        long unit = jdbc.sql("SELECT org_id FROM access_user WHERE username = 'unit1'").query(Long.class).single();
        String idNumber = IdNumber.withCheckDigit("43010419880715" + String.format("%02d1", System.nanoTime() % 100)).value();
        String created = mvc.perform(post("/api/v1/persons").header("Authorization", bearer("county1")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"orgId": %d, "name": "欧阳明远", "sex": "1", "birthDate": "1988-07-15", "ethnicity": "01", "idNumber": "%s",
                                 "education": "21", "politicalStatus": "13", "phone": "13912345678"}""".formatted(unit, idNumber)))
                .andDo(r -> assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201)).andReturn().getResponse().getContentAsString();
        long personId = Long.parseLong(created.replaceAll("(?s)^.*?\"id\"\\s*:\\s*(\\d+).*$", "$1"));
        String name = jdbc.sql("SELECT name FROM person_person WHERE id = :p").param("p", personId).query(String.class).single();

        // 1. The talent office opens the applicant's account from the 人才认定 tab of the person page.
        login("talentoffice");
        driver.get(url("/persons/" + personId));
        scrollAndClick(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[@role='tab' and text()='人才认定']"))));
        scrollAndClick(wait.until(ExpectedConditions.elementToBeClickable(By.id("open-person-account"))));
        String issued = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("person-initial-password"))).getText();
        Matcher m = Pattern.compile("账号 (\\S+) 的初始密码：(\\S+)（").matcher(issued);
        assertThat(m.find()).as(issued).isTrue();
        String username = m.group(1);

        // 2. The applicant signs in, must change the initial password, and lands on the portal.
        signIn(username, m.group(2));
        assertThat(driver.getCurrentUrl()).contains("/account/password");
        driver.findElement(By.id("current")).sendKeys(m.group(2));
        driver.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
        driver.findElement(By.id("confirm")).sendKeys(NEW_PASSWORD);
        WebElement save = driver.findElement(By.cssSelector("form[action='/account/password'] button[type='submit']"));
        scrollAndClick(save);
        wait.until(ExpectedConditions.stalenessOf(save));
        assertThat(driver.getCurrentUrl()).doesNotContain("/account/password");
        signIn(username, NEW_PASSWORD);
        assertThat(driver.getCurrentUrl()).endsWith("/portal");

        // 3. The applicant applies on the portal for 高级人才 (C) with a degree certificate.
        driver.get(url("/portal/applications/new"));
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("portal-application-form")));
        new Select(form.findElement(By.id("tierCode"))).selectByValue("C");
        new Select(form.findElement(By.id("category"))).selectByValue("科技");
        form.findElement(By.id("field")).sendKeys("新材料");
        new Select(form.findElement(By.id("introductionMode"))).selectByValue("全职");
        setValue(form.findElement(By.id("introducedOn")), today.minusYears(1).toString());
        new Select(form.findElement(By.id("evidenceKind0"))).selectByIndex(1);
        form.findElement(By.id("evidenceDescription0")).sendKeys("博士学位证书");
        Path certificate = Files.createTempFile("degree", ".pdf");
        Files.writeString(certificate, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", StandardCharsets.US_ASCII);
        form.findElement(By.id("evidenceFile0")).sendKeys(certificate.toAbsolutePath().toString());
        scrollAndClick(form.findElement(By.id("submit-application")));
        wait.until(ExpectedConditions.urlMatches(".*/portal/applications/\\d+$"));
        long applicationId = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/", ""));
        assertThat(driver.findElement(By.id("application-stage")).getText()).isEqualTo("待用人单位确认");
        assertThat(driver.findElement(By.id("application-evidence")).getText()).contains("博士学位证书");
        Files.delete(certificate);

        // The weeks a recognition takes: the application was filed 60 days ago.
        LocalDate filed = today.minusDays(60);
        jdbc.sql("UPDATE talent_application SET applied_on = :d, last_step_on = :d WHERE id = :id")
                .param("d", filed).param("id", applicationId).update();
        jdbc.sql("UPDATE talent_application_step SET step_on = :d WHERE application_id = :id")
                .param("d", filed).param("id", applicationId).update();

        // 4. The employer confirms; the talent office reviews; the expert committee votes 6 of 7; the 公示 runs.
        login("unit1");
        step(applicationId, "employer", Map.of("date", today.minusDays(55).toString(), "passed", "true"), "待人才办审核");
        login("talentoffice");
        step(applicationId, "review", Map.of("date", today.minusDays(50).toString(), "passed", "true"), "待专家评审");
        step(applicationId, "committee", Map.of("date", today.minusDays(45).toString(), "present", "7", "votesFor", "6",
                "votesAgainst", "1", "votesAbstain", "0", "grantedTier", "C"), "待公示");
        step(applicationId, "publicity", Map.of("date", today.minusDays(40).toString()), "公示中");
        // 5. After the 公示: recognized today.
        step(applicationId, "recognize", Map.of("date", today.toString()), "已认定");
        long talentId = jdbc.sql("SELECT id FROM talent WHERE person_id = :p AND status = 'RECOGNIZED' AND tier_code = 'C'")
                .param("p", personId).query(Long.class).single();

        // 6. The card is issued on the recognition (after its commit); the talent sees it with its QR code.
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> jdbc.sql("SELECT count(*) FROM talent_card WHERE talent_id = :t AND status = 'ACTIVE'")
                .param("t", talentId).query(Long.class).single() == 1);
        signIn(username, NEW_PASSWORD);
        driver.get(url("/portal/card"));
        String number = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("portal-card-number"))).getText().trim();
        assertThat(number).matches("YC[0-9]{12}[0-9X]");
        String qrUrl = decodeQrCode("/portal/card/qr");
        assertThat(qrUrl).contains("/verify/" + number + "?token=");

        // 7. A service counter, not signed in, scans the QR code.
        driver.manage().deleteAllCookies();
        driver.get(qrUrl.replaceFirst("^https?://[^/]+", url("")));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verify-result"))).getText()).isEqualTo("有效");
        assertThat(driver.findElement(By.id("verify-name")).getText()).startsWith(name.substring(0, 1)).contains("*").isNotEqualTo(name);
        assertThat(driver.findElement(By.id("verify-tier")).getText()).startsWith("C类");
        assertThat(driver.getPageSource()).doesNotContain(name);
        assertThat(jdbc.sql("SELECT count(*) FROM talent_card_verification v JOIN talent_card c ON c.id = v.card_id "
                + "WHERE c.number = :n AND v.channel = 'QR' AND v.result = 'VALID'").param("n", number).query(Long.class).single()).isEqualTo(1);

        // 8. The talent files a request for 子女入学.
        signIn(username, NEW_PASSWORD);
        driver.get(url("/portal/services/new"));
        WebElement request = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("service-form")));
        Select type = new Select(request.findElement(By.id("typeCode")));
        type.selectByVisibleText(type.getOptions().stream().map(WebElement::getText).filter(t -> t.startsWith("子女入学")).findFirst().orElseThrow());
        request.findElement(By.id("title")).sendKeys("子女就读青溪县第一小学");
        request.findElement(By.id("content")).sendKeys("子女今年九月入学，申请按英才卡待遇安排就读。");
        scrollAndClick(request.findElement(By.id("submit-service")));
        wait.until(ExpectedConditions.urlMatches(".*/portal/services/\\d+$"));
        long requestId = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/", ""));
        assertThat(driver.findElement(By.id("service-status")).getText()).isEqualTo("待受理");

        // 9. The service officer it was routed to accepts and finishes it.
        assertThat(jdbc.sql("SELECT u.username FROM talent_service_request r JOIN access_user u ON u.id = r.officer_id WHERE r.id = :id")
                .param("id", requestId).query(String.class).single()).isEqualTo("service1");
        login("service1");
        driver.get(url("/talent-services?queue=MINE"));
        assertThat(driver.getPageSource()).contains("子女就读青溪县第一小学");
        driver.get(url("/talent-services/" + requestId));
        scrollAndClick(wait.until(ExpectedConditions.elementToBeClickable(By.id("accept"))));
        wait.until(ExpectedConditions.textToBe(By.id("service-status"), "已受理"));
        WebElement finish = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("finish-form")));
        finish.findElement(By.name("text")).sendKeys("已协调青溪县第一小学安排入学。");
        scrollAndClick(finish.findElement(By.id("finish")));
        wait.until(ExpectedConditions.textToBe(By.id("service-status"), "已办结"));

        // 10. The talent rates it: closed.
        signIn(username, NEW_PASSWORD);
        driver.get(url("/portal/services/" + requestId));
        assertThat(driver.findElement(By.id("service-status")).getText()).isEqualTo("已办结");
        assertThat(driver.getPageSource()).contains("已协调青溪县第一小学安排入学。");
        scrollAndClick(driver.findElement(By.id("rating-5")));
        scrollAndClick(driver.findElement(By.id("rate")));
        wait.until(ExpectedConditions.textToBe(By.id("service-status"), "已评价"));
        assertThat(jdbc.sql("SELECT rating FROM talent_service_request WHERE id = :id").param("id", requestId).query(Integer.class).single())
                .isEqualTo(5);
    }

    /** Takes a step of the application on its page and checks the stage it moved to. */
    private void step(long applicationId, String step, Map<String, String> fields, String expectedStage) {
        driver.get(url("/talent-applications/" + applicationId));
        WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("step-" + step)));
        fields.forEach((field, value) -> {
            switch (field) {
                case "date" -> setValue(card.findElement(By.id("date-" + step)), value);
                case "passed" -> scrollAndClick(card.findElement(By.cssSelector("input[name='passed'][value='" + value + "']")));
                case "grantedTier" -> new Select(card.findElement(By.id("grantedTier"))).selectByValue(value);
                default -> setValue(card.findElement(By.id(field)), value);
            }
        });
        scrollAndClick(card.findElement(By.id("take-" + step)));
        wait.until(ExpectedConditions.stalenessOf(card));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("application-stage"))).getText())
                .as("stage after %s", step).isEqualTo(expectedStage);
    }

    /** Signs in with a password (talent accounts are not demo accounts) and waits for a page of the layout. */
    private void signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
    }

    /** Fetches an image in the browser's session and reads the QR code in it, as a phone's camera would. */
    private String decodeQrCode(String path) throws Exception {
        Object base64 = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer()).then(b => {
                  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s));
                }).catch(e => done('ERROR ' + e));""", path);
        assertThat(base64.toString()).doesNotStartWith("ERROR");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64.toString())));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }
}
