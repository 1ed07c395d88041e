package org.zugong.talent;

import java.util.Comparator;
import java.util.List;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zugong.platform.web.PageCaching;

/**
 * {@code /portal}: the home of a talent account (kind TALENT, permission {@code talent:self}) — its own registry
 * record, tier, validity and entitlements, and the links other parts of the module contribute ({@link PortalLink}).
 * A talent reaches only {@code /portal/**} and its own data; staff pages and APIs answer 403.
 */
@Controller
class PortalPages {

    private final TalentRegistry registry;
    private final List<PortalLink> links;

    PortalPages(TalentRegistry registry, org.springframework.beans.factory.ObjectProvider<PortalLink> links) {
        this.registry = registry;
        this.links = links.orderedStream().sorted(Comparator.comparingInt(PortalLink::order)).toList();
    }

    @GetMapping("/portal")
    @PreAuthorize("hasAuthority('talent:self')")
    String home(Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        var talent = registry.ofSelf();
        model.addAttribute("talent", talent.orElse(null));
        model.addAttribute("tier", talent.flatMap(t -> registry.tiers().stream().filter(x -> x.code().equals(t.tierCode())).findFirst())
                .orElse(null));
        model.addAttribute("entitlements", talent.map(t -> registry.entitlements(t.tierCode())).orElse(List.of()));
        model.addAttribute("links", links);
        model.addAttribute("today", java.time.LocalDate.now());
        return "talent/portal";
    }
}
