package org.zugong.access;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** 口令复杂度: at least N characters from at least K of the classes lower, upper, digit, symbol. */
@Component
class PasswordPolicy {

    private final SecuritySettings settings;

    PasswordPolicy(SecuritySettings settings) {
        this.settings = settings;
    }

    /** Why this password is refused, in Chinese; empty when it is acceptable. */
    Optional<String> problem(String password, String username) {
        if (password == null || password.isEmpty()) {
            return Optional.of("密码不能为空");
        }
        if (password.length() < settings.passwordMinLength()) {
            return Optional.of("密码长度至少 " + settings.passwordMinLength() + " 位");
        }
        if (password.length() > 128) {
            return Optional.of("密码长度不能超过128位");
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < settings.passwordMinClasses()) {
            return Optional.of("密码须包含大写字母、小写字母、数字、符号中的至少 " + settings.passwordMinClasses() + " 类");
        }
        if (username != null && !username.isBlank() && password.toLowerCase().contains(username.toLowerCase())) {
            return Optional.of("密码不能包含用户名");
        }
        return Optional.empty();
    }
}
