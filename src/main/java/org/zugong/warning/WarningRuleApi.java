package org.zugong.warning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/warnings/rules}: rule versions, drafts, enabling, retiring and backtests (F30, F34). */
@RestController
@RequestMapping("/api/v1/warnings/rules")
class WarningRuleApi {

    record BacktestRequest(LocalDate from, LocalDate to) {
    }

    private final WarningRules rules;
    private final WarningRuleEditor editor;

    WarningRuleApi(WarningRules rules, WarningRuleEditor editor) {
        this.rules = rules;
        this.editor = editor;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('warning:read')")
    List<WarningRule> list() {
        return rules.all();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('warning:read')")
    WarningRule one(@PathVariable long id) {
        return editor.require(id);
    }

    /** A new draft (a new code, or the next version of an existing code). */
    @PostMapping
    @PreAuthorize("hasAuthority('warning:rules')")
    ResponseEntity<Map<String, Long>> draft(@RequestBody WarningRuleEditor.RuleForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", editor.draft(form)));
    }

    @PostMapping("/{id}/enable")
    @PreAuthorize("hasAuthority('warning:rules')")
    ResponseEntity<Void> enable(@PathVariable long id) {
        editor.enable(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/retire")
    @PreAuthorize("hasAuthority('warning:rules')")
    ResponseEntity<Void> retire(@PathVariable long id) {
        editor.retire(id);
        return ResponseEntity.noContent().build();
    }

    /** F34: what the rule would have raised on past dates in the caller's jurisdiction; creates nothing. */
    @PostMapping("/{id}/backtest")
    @PreAuthorize("hasAuthority('warning:read')")
    WarningRuleEditor.Backtest backtest(@PathVariable long id, @RequestBody BacktestRequest request) {
        return editor.backtest(id, request.from(), request.to());
    }
}
