package org.zugong.talent;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code zugong.talent-card.*}: the QR signature's key version (the key is derived from the key file as
 * {@code HMAC-SM3(audit key, "talent-card-v" + version)}; tokens of versions from {@code oldestTokenKeyVersion} up to
 * {@code tokenKeyVersion} are accepted, so a rotation bumps the version and retires the old one later), the public
 * base URL the QR codes point to (else the request's own), and the public verification's rate limits per client address.
 */
@ConfigurationProperties("zugong.talent-card")
record TalentCardSettings(int tokenKeyVersion, int oldestTokenKeyVersion, String publicBaseUrl, Verification verification) {

    TalentCardSettings {
        tokenKeyVersion = tokenKeyVersion <= 0 ? 1 : tokenKeyVersion;
        oldestTokenKeyVersion = oldestTokenKeyVersion <= 0 || oldestTokenKeyVersion > tokenKeyVersion ? tokenKeyVersion : oldestTokenKeyVersion;
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : publicBaseUrl.trim().replaceAll("/+$", "");
        verification = verification == null ? new Verification(0, 0, 0, null, null, null) : verification;
    }

    /**
     * Per client address: {@code perMinute} and {@code perDay} verifications, {@code failures} failed ones (unknown number,
     * bad check character, forged token) per {@code failureWindow}. {@code unlimitedIps}: addresses not limited (a
     * monitoring host; the tests' loopback), empty by default. {@code retention}: how long the verification log is kept
     * (default 1 year, never less than 6 months — 网络安全法第二十一条 / 等保 log retention; a shorter setting is refused
     * at start).
     */
    record Verification(int perMinute, int perDay, int failures, Duration failureWindow, List<String> unlimitedIps, Period retention) {

        static final Period MINIMUM_RETENTION = Period.ofMonths(6);

        Verification {
            perMinute = perMinute <= 0 ? 20 : perMinute;
            perDay = perDay <= 0 ? 200 : perDay;
            failures = failures <= 0 ? 5 : failures;
            failureWindow = failureWindow == null || failureWindow.isNegative() || failureWindow.isZero() ? Duration.ofMinutes(10) : failureWindow;
            unlimitedIps = unlimitedIps == null ? List.of() : List.copyOf(unlimitedIps);
            retention = retention == null ? Period.ofYears(1) : retention;
            LocalDate today = LocalDate.now();
            if (retention.isNegative() || today.minus(retention).isAfter(today.minus(MINIMUM_RETENTION))) {
                throw new IllegalStateException("英才卡查验记录保留期限 zugong.talent-card.verification.retention=" + retention
                        + " 短于 6 个月：网络安全法第二十一条要求网络日志至少留存六个月，请设置为 6m 或更长（默认 1y）");
            }
        }
    }
}
