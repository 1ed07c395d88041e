package org.zugong.journey;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * F71 in a browser: the talent opens their 英才卡 on the portal (number and QR code), then a service counter, not signed
 * in, verifies the number on the public page and scans the QR link; a mistyped digit is refused as 卡号格式错误.
 */
class TalentCardJourneyTests extends BrowserTest {

    @Test
    void aTalentShowsTheirCardAndAnyoneVerifiesItOnThePublicPageWithoutLogin() throws Exception {
        screenshotOnFailure("talent-card-journey", this::journey);
    }

    private void journey() {
        login("talent1");
        driver.get(url("/portal"));
        driver.findElement(By.cssSelector("#portal-link-card a")).click();
        String number = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("portal-card-number"))).getText().trim();
        assertThat(number).matches("YC[0-9]{12}[0-9X]");
        assertThat(driver.findElement(By.id("portal-card-qr")).getAttribute("naturalWidth")).isNotEqualTo("0");

        // a service counter, not signed in: types the number
        driver.manage().deleteAllCookies();
        driver.get(url("/verify"));
        driver.findElement(By.id("number")).sendKeys(number);
        scrollAndClick(driver.findElement(By.id("verify-submit")));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verify-result"))).getText()).isEqualTo("有效");
        assertThat(driver.findElement(By.id("verify-name")).getText()).isEqualTo("刘*松");
        assertThat(driver.findElement(By.id("verify-tier")).getText()).isEqualTo("B类 领军人才");
        assertThat(driver.getPageSource()).doesNotContain("刘彪松");

        // a mistyped last digit. The first answer's result stays on screen until the new page replaces it: wait for
        // the new text (re-finding the element on each poll) rather than for any visible result.
        char check = number.charAt(14);
        driver.findElement(By.id("number")).clear();
        driver.findElement(By.id("number")).sendKeys(number.substring(0, 14) + (check == '0' ? '1' : '0'));
        scrollAndClick(driver.findElement(By.id("verify-submit")));
        wait.until(ExpectedConditions.textToBe(By.id("verify-result"), "卡号格式错误"));
    }
}
