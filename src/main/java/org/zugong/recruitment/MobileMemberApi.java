package org.zugong.recruitment;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/recruitment/mobile-members}: 流动党员 (F45). */
@RestController
@RequestMapping("/api/v1/recruitment/mobile-members")
class MobileMemberApi {

    private final MobileMembers members;

    MobileMemberApi(MobileMembers members) {
        this.members = members;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('recruitment:read')")
    List<MobileMembers.MobileMember> list(@RequestParam(required = false) MobileMembers.Direction direction,
                                          @RequestParam(required = false) MobileMembers.Status status) {
        return members.list(direction, status);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('recruitment:read')")
    MobileMembers.MobileMember get(@PathVariable long id) {
        return members.get(id);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('recruitment:write')")
    ResponseEntity<MobileMembers.MobileMember> register(@RequestBody MobileMembers.Registration r) {
        long id = members.register(r);
        return ResponseEntity.created(URI.create("/api/v1/recruitment/mobile-members/" + id)).body(members.get(id));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('recruitment:write')")
    MobileMembers.MobileMember change(@PathVariable long id, @RequestBody MobileMembers.Change change) {
        return members.change(id, change);
    }
}
