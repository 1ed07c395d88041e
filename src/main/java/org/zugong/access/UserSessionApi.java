package org.zugong.access;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code DELETE /api/v1/users/{id}/sessions}: 结束会话 through the API — every page session and token of the account. */
@RestController
class UserSessionApi {

    private final UserAdministration users;

    UserSessionApi(UserAdministration users) {
        this.users = users;
    }

    @DeleteMapping("/api/v1/users/{id}/sessions")
    @PreAuthorize("hasAuthority('user:unlock')")
    ResponseEntity<Void> endSessions(@PathVariable long id) {
        users.endSessions(id);
        return ResponseEntity.noContent().build();
    }
}
