package org.zugong.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zugong.platform.security.Actor;

/**
 * {@code /login/second-factor}: the second step of a login whose password was right. An enrolled
 * user types the current TOTP code; a user whose role requires a second factor but who has none
 * yet binds an authenticator app first (the secret waits in the session until a code proves the app
 * has it). Only then does the session get the user's permissions, under a new session id. Wrong
 * codes count toward the lockout; when it strikes, the half-signed-in session ends.
 */
@Controller
class SecondFactorPages {

    static final String ENROL_SECRET = SecondFactorPages.class.getName() + ".secret";

    private final LoginGuard guard;
    private final SecondFactors factors;
    private final AccessRepository repository;
    private final UserSessions sessions;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SecondFactorPages(LoginGuard guard, SecondFactors factors, AccessRepository repository, UserSessions sessions) {
        this.guard = guard;
        this.factors = factors;
        this.repository = repository;
        this.sessions = sessions;
    }

    @GetMapping("/login/second-factor")
    @PreAuthorize("hasAuthority('" + SecondFactorPending.AUTHORITY + "')")
    String page(HttpSession session, Model model) {
        return show(session, pending(), model, null);
    }

    @PostMapping("/login/second-factor")
    @PreAuthorize("hasAuthority('" + SecondFactorPending.AUTHORITY + "')")
    String verify(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        SecondFactorPending.PendingLogin login = pending();
        HttpSession session = request.getSession();
        UserAccount user = repository.findUser(login.userId()).orElseThrow(() -> new BadCredentialsException(LoginGuard.BAD_CREDENTIALS));
        try {
            if (factors.enrolled(user.id())) {
                guard.checkCode(user, code);
            } else {
                guard.checkEnrolment(user, secretOf(session), code);
            }
        } catch (BadCredentialsException e) {
            if (guard.locked(user.id())) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                return "redirect:/login?error";
            }
            return show(session, login, model, "动态口令错误或已使用，请输入验证器中当前显示的 6 位数字");
        }
        session.removeAttribute(ENROL_SECRET);
        Actor actor = guard.complete(user);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, LoginGuard.authorities(actor)));
        SecurityContextHolder.setContext(context);
        sessions.upgrade(request);
        contexts.saveContext(context, request, response);
        return "redirect:/";
    }

    private String show(HttpSession session, SecondFactorPending.PendingLogin login, Model model, String error) {
        model.addAttribute("error", error);
        boolean enrol = !factors.enrolled(login.userId());
        model.addAttribute("enrol", enrol);
        if (enrol) {
            String secret = secretOf(session);
            model.addAttribute("secret", secret);
            model.addAttribute("uri", Totp.uri(login.username(), secret));
        }
        return "second-factor";
    }

    /** The secret being enrolled in this session: made once, kept until a code confirms it. */
    static String secretOf(HttpSession session) {
        if (session.getAttribute(ENROL_SECRET) instanceof String secret) {
            return secret;
        }
        String secret = Totp.newSecret();
        session.setAttribute(ENROL_SECRET, secret);
        return secret;
    }

    private static SecondFactorPending.PendingLogin pending() {
        return ((SecondFactorPending) SecurityContextHolder.getContext().getAuthentication()).getPrincipal();
    }
}
