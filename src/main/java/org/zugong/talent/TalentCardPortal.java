package org.zugong.talent;

import java.time.LocalDate;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zugong.platform.web.PageCaching;

/** {@code /portal/card}: the signed-in talent's own 英才卡 with its QR code, entitlements and earlier cards (talent:self). */
@Controller
class TalentCardPortal {

    private final TalentCards cards;
    private final TalentCardQr qr;

    TalentCardPortal(TalentCards cards, TalentCardQr qr) {
        this.cards = cards;
        this.qr = qr;
    }

    @Bean
    static PortalLink talentCardPortalLink() {
        return new PortalLink("card", "我的英才卡", "/portal/card", "出示英才卡二维码，查看卡号、有效期和可享受的服务权益", 20);
    }

    @GetMapping("/portal/card")
    @PreAuthorize("hasAuthority('talent:self')")
    String card(Model model, HttpServletRequest request, HttpServletResponse response) {
        PageCaching.noStore(response);
        List<TalentCard> all = cards.ofSelf();
        TalentCard current = all.stream().filter(c -> c.status() == TalentCardStatus.ACTIVE).findFirst().orElse(null);
        model.addAttribute("current", current);
        model.addAttribute("cards", all);
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("verifyUrl", current == null ? null : qr.url(current, request));
        model.addAttribute("entitlements", current == null ? List.of() : cards.entitlements(current.tierCode()));
        return "talent/card/portal";
    }

    /** The QR code of one's own active card. */
    @GetMapping("/portal/card/qr")
    @PreAuthorize("hasAuthority('talent:self')")
    ResponseEntity<byte[]> qrCode(HttpServletRequest request) {
        TalentCard current = cards.activeOfSelf().orElse(null);
        if (current == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(qr.png(qr.url(current, request)));
    }
}
