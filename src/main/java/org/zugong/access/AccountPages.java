package org.zugong.access;

import jakarta.servlet.http.HttpSession;
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
import org.zugong.platform.web.FieldErrors;

/**
 * A signed-in user changes their own password (the current one is asked again) and binds or turns
 * off their TOTP second factor (turning it off needs a current code, and is refused while a role
 * requires it).
 */
@Controller
class AccountPages {

    private final AccessRepository repository;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final LoginGuard guard;
    private final AuditLog audit;
    private final SecondFactors secondFactors;

    AccountPages(AccessRepository repository, PasswordEncoder encoder, PasswordPolicy policy, LoginGuard guard, AuditLog audit,
                 SecondFactors secondFactors) {
        this.repository = repository;
        this.encoder = encoder;
        this.policy = policy;
        this.guard = guard;
        this.audit = audit;
        this.secondFactors = secondFactors;
    }

    @GetMapping("/account/second-factor")
    String secondFactor(HttpSession session, Model model) {
        return showSecondFactor(session, repository.findUser(Actor.require().userId()).orElseThrow(), model);
    }

    @PostMapping("/account/second-factor")
    String enrolSecondFactor(HttpSession session, @RequestParam(defaultValue = "") String code, Model model,
                             RedirectAttributes redirect) {
        UserAccount user = repository.findUser(Actor.require().userId()).orElseThrow();
        if (secondFactors.enrolled(user.id())) {
            return "redirect:/account/second-factor";
        }
        if (!(session.getAttribute(SecondFactorPages.ENROL_SECRET) instanceof String secret) || !secondFactors.enrol(user, secret, code)) {
            model.addAttribute("error", "动态口令错误，请输入验证器中当前显示的 6 位数字");
            return showSecondFactor(session, user, model);
        }
        session.removeAttribute(SecondFactorPages.ENROL_SECRET);
        redirect.addFlashAttribute("message", "已绑定动态口令，今后登录时须输入");
        return "redirect:/account/second-factor";
    }

    @PostMapping("/account/second-factor/disable")
    String disableSecondFactor(HttpSession session, @RequestParam(defaultValue = "") String code, Model model,
                               RedirectAttributes redirect) {
        UserAccount user = repository.findUser(Actor.require().userId()).orElseThrow();
        try {
            if (secondFactors.required(user.id())) {
                throw FieldErrors.of("code", "您的角色要求双因素认证，不能停用动态口令");
            }
            if (!secondFactors.verify(user.id(), code)) {
                throw FieldErrors.of("code", "动态口令错误，请输入验证器中当前显示的 6 位数字");
            }
            secondFactors.disable(user);
        } catch (FieldErrors e) {
            model.addAttribute("error", e.getMessage());
            return showSecondFactor(session, user, model);
        }
        redirect.addFlashAttribute("message", "已停用动态口令");
        return "redirect:/account/second-factor";
    }

    private String showSecondFactor(HttpSession session, UserAccount user, Model model) {
        boolean enrolled = secondFactors.enrolled(user.id());
        model.addAttribute("enrolled", enrolled);
        model.addAttribute("required", secondFactors.required(user.id()));
        if (!enrolled) {
            String secret = SecondFactorPages.secretOf(session);
            model.addAttribute("secret", secret);
            model.addAttribute("uri", Totp.uri(user.username(), secret));
        }
        return "account-second-factor";
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("expired", guard.passwordExpired(Actor.require().userId()));
        return "account-password";
    }

    @PostMapping("/account/password")
    @org.springframework.transaction.annotation.Transactional
    String change(HttpSession session, @RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
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
