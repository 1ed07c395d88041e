package org.zugong.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after login: the modules the user may open (the frame supplies the navigation). */
@Controller
class HomePage {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
