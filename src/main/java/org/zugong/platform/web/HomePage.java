package org.zugong.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.zugong.platform.security.Actor;
import org.zugong.platform.security.Permissions;

/**
 * The start page after login: the modules the user may open (the frame supplies the navigation). A talent
 * account (permission {@code talent:self} only) has no modules: its start page is the portal.
 */
@Controller
class HomePage {

    @GetMapping("/")
    String home() {
        if (Actor.current().map(a -> a.can(Permissions.TALENT_SELF)).orElse(false)) {
            return "redirect:/portal";
        }
        return "home";
    }
}
