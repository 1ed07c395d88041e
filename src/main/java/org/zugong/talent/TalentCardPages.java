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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;
import org.zugong.platform.web.NavigationItem;
import org.zugong.platform.web.PageCaching;
import org.zugong.platform.web.PageRequest;

/**
 * Staff pages of the 英才卡: the 英才卡 section of the talent page (current card with its QR code, history, actions), the
 * actions (发卡, 挂失, 解除挂失, 注销, 补办 — each with a reason, on the card's version), and the card list
 * {@code /talent-cards} (number or name, status, paged). Cards are managed with talent:write, seen with talent:read.
 */
@Controller
class TalentCardPages {

    private final TalentCards cards;
    private final TalentCardQr qr;

    TalentCardPages(TalentCards cards, TalentCardQr qr) {
        this.cards = cards;
        this.qr = qr;
    }

    @Bean
    static TalentDetailSection talentCardSection() {
        return new TalentDetailSection("card", "英才卡", "/talents/{id}/card", Permissions.TALENT_READ, 20);
    }

    @Bean
    static NavigationItem talentCardNavigation() {
        return new NavigationItem(TalentNavigation.GROUP, TalentNavigation.GROUP_ORDER, "英才卡", "/talent-cards", Permissions.TALENT_READ, 30);
    }

    @GetMapping("/talents/{id}/card")
    @PreAuthorize("hasAuthority('talent:read')")
    String section(@PathVariable long id, Model model, HttpServletRequest request, HttpServletResponse response) {
        PageCaching.noStore(response);
        List<TalentCard> all = cards.ofTalent(id);
        TalentCard current = all.stream().filter(c -> c.status() == TalentCardStatus.ACTIVE).findFirst()
                .orElse(all.isEmpty() ? null : all.getFirst());
        model.addAttribute("talentId", id);
        model.addAttribute("current", current);
        model.addAttribute("cards", all);
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("verifyUrl", current == null ? null : qr.url(current, request));
        model.addAttribute("entitlements", current == null ? List.of() : cards.entitlements(current.tierCode()));
        return "talent/card/section :: section";
    }

    /** The QR code of one of the talent's cards (PNG, not stored by caches). */
    @GetMapping("/talents/{id}/card/qr")
    @PreAuthorize("hasAuthority('talent:read')")
    ResponseEntity<byte[]> qrCode(@PathVariable long id, @RequestParam long cardId, HttpServletRequest request) {
        TalentCard card = cards.requireCard(id, cardId);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(qr.png(qr.url(card, request)));
    }

    @PostMapping("/talents/{id}/card")
    @PreAuthorize("hasAuthority('talent:write')")
    String issue(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, "已发放英才卡", () -> cards.issue(id, reason));
    }

    @PostMapping("/talents/{id}/card/lost")
    @PreAuthorize("hasAuthority('talent:write')")
    String lost(@PathVariable long id, @RequestParam(required = false) Long cardId, @RequestParam(required = false) Integer version,
                @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, "已挂失", () -> cards.reportLost(id, card(cardId), version, reason));
    }

    @PostMapping("/talents/{id}/card/unlock")
    @PreAuthorize("hasAuthority('talent:write')")
    String unlock(@PathVariable long id, @RequestParam(required = false) Long cardId, @RequestParam(required = false) Integer version,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, "已解除挂失", () -> cards.unlock(id, card(cardId), version, reason));
    }

    @PostMapping("/talents/{id}/card/cancel")
    @PreAuthorize("hasAuthority('talent:write')")
    String cancel(@PathVariable long id, @RequestParam(required = false) Long cardId, @RequestParam(required = false) Integer version,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, "已注销", () -> cards.cancel(id, card(cardId), version, reason));
    }

    @PostMapping("/talents/{id}/card/replace")
    @PreAuthorize("hasAuthority('talent:write')")
    String replace(@PathVariable long id, @RequestParam(required = false) Long cardId, @RequestParam(required = false) Integer version,
                   @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, "已补办新卡", () -> cards.replace(id, card(cardId), version, reason));
    }

    @GetMapping("/talent-cards")
    @PreAuthorize("hasAuthority('talent:read')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) TalentCardStatus status,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model,
                @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletResponse response) {
        PageCaching.noStore(response);
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("statuses", TalentCardStatus.values());
        model.addAttribute("result", cards.search(new TalentCardRepository.Criteria(q, status), PageRequest.of(page, size)));
        return htmx != null ? "talent/card/list :: results" : "talent/card/list";
    }

    private static long card(Long cardId) {
        if (cardId == null) {
            throw FieldErrors.of("cardId", "请选择英才卡");
        }
        return cardId;
    }

    /** Runs an action; the answer is the talent page with a message (404 outside the jurisdiction propagates). */
    private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        cards.requireTalent(id); // the jurisdiction before anything else: another county's talent = 404, audited
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (BusinessRuleException | EditConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (FieldErrors e) {
            redirect.addFlashAttribute("error", e.summary());
        }
        return "redirect:/talents/" + id + "#talent-section-card";
    }
}
