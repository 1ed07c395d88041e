package org.zugong.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The login-security numbers evaluators ask for; defaults are documented choices, all configurable. */
@ConfigurationProperties("zugong.security")
record SecuritySettings(int passwordMinLength, int passwordMinClasses, int passwordMaxAgeDays, int maxFailedLogins,
                        int lockoutMinutes, int tokenHours) {

    SecuritySettings {
        passwordMinLength = passwordMinLength <= 0 ? 8 : passwordMinLength;
        passwordMinClasses = passwordMinClasses <= 0 ? 3 : passwordMinClasses;
        passwordMaxAgeDays = passwordMaxAgeDays <= 0 ? 90 : passwordMaxAgeDays;
        maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
        lockoutMinutes = lockoutMinutes <= 0 ? 15 : lockoutMinutes;
        tokenHours = tokenHours <= 0 ? 8 : tokenHours;
    }
}
