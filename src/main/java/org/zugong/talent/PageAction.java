package org.zugong.talent;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.EditConflictException;
import org.zugong.platform.web.FieldErrors;

/**
 * A form action on a record's page (staff or portal): on success a redirect to the record with a message; when
 * refused, the record's page again with the Chinese reason and the status that says why — 400 invalid input,
 * 409 a stale version, 422 a rule of the workflow.
 */
final class PageAction {

    private PageAction() {
    }

    static String run(Runnable action, String done, String recordPath, Model model, RedirectAttributes redirect,
                      HttpServletResponse response, Supplier<String> recordPage) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
            return "redirect:" + recordPath;
        } catch (FieldErrors e) {
            response.setStatus(400);
            model.addAttribute("error", e.getMessage());
        } catch (BusinessRuleException e) {
            response.setStatus(422);
            model.addAttribute("error", e.getMessage());
        } catch (EditConflictException e) {
            response.setStatus(409);
            model.addAttribute("error", e.getMessage());
        }
        int status = response.getStatus();
        String view = recordPage.get();
        response.setStatus(status);
        return view;
    }
}
