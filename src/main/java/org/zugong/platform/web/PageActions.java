package org.zugong.platform.web;

import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A small change posted from a page (a step, a record, an approval): run it, then redirect back with its
 * outcome as a flash message — the message of what was done, or the reason it was refused (field errors,
 * a broken business rule, an edit conflict). A missing or foreign record still answers 404.
 */
public final class PageActions {

    private PageActions() {
    }

    /** Runs {@code action}; its own message (or {@code done} when it returns null; nothing when both are null) or its refusal is flashed. */
    public static String run(RedirectAttributes redirect, String back, String done, Supplier<String> action) {
        try {
            String message = action.get();
            if (message != null || done != null) {
                redirect.addFlashAttribute("message", message != null ? message : done);
            }
        } catch (FieldErrors e) {
            redirect.addFlashAttribute("error", e.summary());
        } catch (BusinessRuleException | EditConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + back;
    }

    /** Runs {@code action}; {@code done} or its refusal is flashed. */
    public static String run(RedirectAttributes redirect, String back, String done, Runnable action) {
        return run(redirect, back, done, () -> {
            action.run();
            return null;
        });
    }
}
