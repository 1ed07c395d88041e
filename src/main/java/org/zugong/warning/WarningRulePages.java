package org.zugong.warning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zugong.platform.web.BusinessRuleException;
import org.zugong.platform.web.FieldErrors;

/** The rule pages: every version of every rule, a new version as a draft, enabling, retiring, backtests. */
@Controller
@RequestMapping("/warnings/rules")
class WarningRulePages {

    private final WarningRules rules;
    private final WarningRuleEditor editor;

    WarningRulePages(WarningRules rules, WarningRuleEditor editor) {
        this.rules = rules;
        this.editor = editor;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('warning:read')")
    String list(Model model) {
        model.addAttribute("rules", rules.all());
        return "warning/rules";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('warning:read')")
    String one(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        WarningRule rule = editor.require(id);
        model.addAttribute("rule", rule);
        model.addAttribute("facts", FactKind.values());
        model.addAttribute("paramsText", rule.conditions().stream().map(WarningRulePages::paramsText).toList());
        if (from != null && to != null) {
            try {
                model.addAttribute("backtest", editor.backtest(id, from, to));
            } catch (FieldErrors e) {
                model.addAttribute("error", e.errors().getFirst().message());
            }
        }
        model.addAttribute("from", from == null ? LocalDate.now().minusYears(1) : from);
        model.addAttribute("to", to == null ? LocalDate.now() : to);
        return "warning/rule";
    }

    static String paramsText(RuleCondition c) {
        List<String> parts = new ArrayList<>();
        c.params().forEach((k, v) -> parts.add(k + "=" + (v instanceof List<?> l ? String.join(",", l.stream().map(Object::toString).toList()) : v)));
        return String.join("; ", parts);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('warning:rules')")
    String draft(@RequestParam String code, @RequestParam String name, @RequestParam String colour, @RequestParam String message,
                 @RequestParam(required = false) String basis, @RequestParam(name = "fact", required = false) List<String> facts,
                 @RequestParam(name = "params", required = false) List<String> params, RedirectAttributes redirect) {
        List<WarningRuleEditor.ConditionForm> conditions = new ArrayList<>();
        for (int i = 0; facts != null && i < facts.size(); i++) {
            conditions.add(new WarningRuleEditor.ConditionForm(facts.get(i), params != null && i < params.size() ? params.get(i) : ""));
        }
        try {
            long id = editor.draft(new WarningRuleEditor.RuleForm(code, name, colour, message, basis, conditions));
            redirect.addFlashAttribute("message", "已保存为草稿，回测无误后可启用");
            return "redirect:/warnings/rules/" + id;
        } catch (FieldErrors e) {
            redirect.addFlashAttribute("error", e.summary());
            return "redirect:/warnings/rules";
        }
    }

    @PostMapping("/{id}/enable")
    @PreAuthorize("hasAuthority('warning:rules')")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        try {
            editor.enable(id);
            redirect.addFlashAttribute("message", "已启用；已按新版本重新评估");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/warnings/rules/" + id;
    }

    @PostMapping("/{id}/retire")
    @PreAuthorize("hasAuthority('warning:rules')")
    String retire(@PathVariable long id, RedirectAttributes redirect) {
        try {
            editor.retire(id);
            redirect.addFlashAttribute("message", "已停用；该规则的预警已关闭");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/warnings/rules/" + id;
    }
}
