package org.zugong.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/auth/token}: a bearer token for a username, password and — where the account
 * needs one — TOTP code, under the same lockout rules and with the same 401 answer for every refusal.
 */
@RestController
class TokenApi {

    /** {@code code}: the current TOTP code, needed when the account has a second factor or its role requires one. */
    record TokenRequest(@NotBlank(message = "请填写用户名") String username, @NotBlank(message = "请填写密码") String password,
                        String code) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    private final LoginGuard guard;
    private final ApiTokens tokens;

    TokenApi(LoginGuard guard, ApiTokens tokens) {
        this.guard = guard;
        this.tokens = tokens;
    }

    @PostMapping("/api/v1/auth/token")
    TokenResponse token(@Valid @RequestBody TokenRequest request) {
        var actor = guard.authenticate(request.username(), request.password(), request.code());
        if (guard.passwordExpired(actor.userId())) {
            throw new org.springframework.security.authentication.CredentialsExpiredException("密码已过期，请先登录系统页面修改密码");
        }
        var issued = tokens.issue(actor);
        return new TokenResponse(issued.token(), issued.expiresAt());
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> refused(AuthenticationException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        p.setTitle("认证失败");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(p);
    }
}
