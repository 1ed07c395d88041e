package org.zugong.talent;

import java.time.Duration;
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
        verification = verification == null ? new Verification(0, 0, 0, null, null) : verification;
    }

    /**
     * Per client address: {@code perMinute} and {@code perDay} verifications, {@code failures} failed ones (unknown number,
     * bad check character, forged token) per {@code failureWindow}. {@code unlimitedIps}: addresses not limited (a
     * monitoring host; the tests' loopback), empty by default.
     */
    record Verification(int perMinute, int perDay, int failures, Duration failureWindow, List<String> unlimitedIps) {

        Verification {
            perMinute = perMinute <= 0 ? 20 : perMinute;
            perDay = perDay <= 0 ? 200 : perDay;
            failures = failures <= 0 ? 5 : failures;
            failureWindow = failureWindow == null || failureWindow.isNegative() || failureWindow.isZero() ? Duration.ofMinutes(10) : failureWindow;
            unlimitedIps = unlimitedIps == null ? List.of() : List.copyOf(unlimitedIps);
        }
    }
}
