package org.zugong.access;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zugong.audit.AuditLog;
import org.zugong.platform.security.Actor;

/** A signed-in user changes their own password (the current one is asked again). */
@Controller
class AccountPages {

    private final AccessRepository repository;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final LoginGuard guard;
    private final AuditLog audit;

    AccountPages(AccessRepository repository, PasswordEncoder encoder, PasswordPolicy policy, LoginGuard guard, AuditLog audit) {
        this.repository = repository;
        this.encoder = encoder;
        this.policy = policy;
        this.guard = guard;
        this.audit = audit;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("expired", guard.passwordExpired(Actor.require().userId()));
        return "account-password";
    }

    @PostMapping("/account/password")
    @org.springframework.transaction.annotation.Transactional
    String change(jakarta.servlet.http.HttpSession session, @RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String confirm, Model model, RedirectAttributes redirect) {
        Actor actor = Actor.require();
        UserAccount user = repository.findUser(actor.userId()).orElseThrow();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!encoder.matches(current, user.passwordHash())) {
            errors.put("current", "当前密码不正确");
        }
        policy.problem(password, user.username()).ifPresent(p -> errors.put("password", p));
        if (!password.equals(confirm)) {
            errors.put("confirm", "两次输入的新密码不一致");
        }
        if (!errors.isEmpty() || encoder.matches(password, user.passwordHash())) {
            if (errors.isEmpty()) {
                errors.put("password", "新密码不能与当前密码相同");
            }
            model.addAttribute("errors", errors);
            return "account-password";
        }
        repository.setPassword(user.id(), encoder.encode(password));
        repository.deleteTokensOf(user.id());
        audit.record("PASSWORD_CHANGE", "user", user.id(), user.username());
        session.setAttribute(PasswordExpiryInterceptor.EXPIRED, Boolean.FALSE);
        redirect.addFlashAttribute("message", "密码已修改");
        return "redirect:/";
    }
}
