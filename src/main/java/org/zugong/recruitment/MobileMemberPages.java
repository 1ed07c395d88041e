package org.zugong.recruitment;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;

/** {@code /recruitment/mobile}: the 流动党员 in the caller's jurisdiction, registration, status and return. */
@Controller
@RequestMapping("/recruitment/mobile")
class MobileMemberPages {

    private final MobileMembers members;

    MobileMemberPages(MobileMembers members) {
        this.members = members;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('recruitment:read')")
    String list(@RequestParam(required = false) MobileMembers.Direction direction,
                @RequestParam(required = false) MobileMembers.Status status, Model model) {
        model.addAttribute("direction", direction);
        model.addAttribute("status", status);
        model.addAttribute("directions", MobileMembers.Direction.values());
        model.addAttribute("statuses", MobileMembers.Status.values());
        model.addAttribute("reasons", MobileMembers.Reason.values());
        model.addAttribute("rows", members.list(direction, status));
        return "recruitment/mobile";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('recruitment:write')")
    String register(@RequestParam(required = false) Long personId, @RequestParam(required = false) MobileMembers.Direction direction,
                    @RequestParam(required = false) Long homeOrgId, @RequestParam(required = false) Long receivingOrgId,
                    @RequestParam(required = false) String receivingOrgName, @RequestParam(required = false) String destination,
                    @RequestParam(required = false) MobileMembers.Reason reason,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate leftOn,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedReturnOn,
                    @RequestParam(required = false) String contactNote, Model model, HttpServletResponse response) {
        try {
            members.register(new MobileMembers.Registration(personId, direction, homeOrgId, receivingOrgId, receivingOrgName, destination,
                    reason, leftOn, expectedReturnOn, contactNote));
            return "redirect:/recruitment/mobile";
        } catch (BusinessRuleException | FieldErrors e) {
            response.setStatus(e instanceof FieldErrors ? 400 : 422);
            model.addAttribute("error", "流动党员未登记：" + e.getMessage());
            return list(null, null, model);
        }
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('recruitment:write')")
    String change(@PathVariable long id, @RequestParam(required = false) MobileMembers.Status status,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate returnedOn,
                  @RequestParam(required = false) String contactNote, @RequestParam(required = false) Integer version, Model model,
                  HttpServletResponse response) {
        try {
            members.change(id, new MobileMembers.Change(status, returnedOn, contactNote, version));
            return "redirect:/recruitment/mobile";
        } catch (BusinessRuleException | FieldErrors | EditConflictException e) {
            response.setStatus(e instanceof FieldErrors ? 400 : e instanceof EditConflictException ? 409 : 422);
            model.addAttribute("error", "未保存：" + e.getMessage());
            return list(null, null, model);
        }
    }
}
