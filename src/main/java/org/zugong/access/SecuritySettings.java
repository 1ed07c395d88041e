package org.zugong.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The login-security numbers evaluators ask for; defaults are documented choices, all configurable.
 * {@code sessionAbsoluteTimeout} ends a page session that long after login, however active it is
 * (the idle timeout is the servlet container's {@code server.servlet.session.timeout}).
 */
@ConfigurationProperties("zugong.security")
record SecuritySettings(int passwordMinLength, int passwordMinClasses, int passwordMaxAgeDays, int maxFailedLogins,
                        int lockoutMinutes, int tokenHours, Duration sessionAbsoluteTimeout) {

    SecuritySettings {
        passwordMinLength = passwordMinLength <= 0 ? 8 : passwordMinLength;
        passwordMinClasses = passwordMinClasses <= 0 ? 3 : passwordMinClasses;
        passwordMaxAgeDays = passwordMaxAgeDays <= 0 ? 90 : passwordMaxAgeDays;
        maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
        lockoutMinutes = lockoutMinutes <= 0 ? 15 : lockoutMinutes;
        tokenHours = tokenHours <= 0 ? 8 : tokenHours;
        sessionAbsoluteTimeout = sessionAbsoluteTimeout == null || sessionAbsoluteTimeout.isNegative() || sessionAbsoluteTimeout.isZero()
                ? Duration.ofHours(8) : sessionAbsoluteTimeout;
    }
}
