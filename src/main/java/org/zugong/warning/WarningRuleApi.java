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
    private final WarningEngine engine;
    private final org.zugong.audit.AuditLog audit;

    private final org.zugong.cadre.CadreFiles cadres;

    WarningRuleApi(WarningRules rules, WarningRuleEditor editor, WarningEngine engine, org.zugong.audit.AuditLog audit,
                   org.zugong.cadre.CadreFiles cadres) {
        this.cadres = cadres;
        this.engine = engine;
        this.audit = audit;
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

    /** What an evaluation run changed and how long it took. */
    record EvaluationJson(int raised, int kept, int closed, long millis) {
    }

    /**
     * Runs the evaluation now: every enabled rule over every cadre (as the nightly run does), or over one
     * cadre ({@code personId}), e.g. after correcting data. Audited.
     */
    @PostMapping("/evaluate")
    @PreAuthorize("hasAuthority('warning:rules')")
    EvaluationJson evaluate(@org.springframework.web.bind.annotation.RequestParam(required = false) Long personId) {
        if (personId != null) {
            cadres.requireVisible(personId); // 404 and audited outside the jurisdiction
        }
        long started = System.nanoTime();
        String by = org.zugong.platform.security.Actor.current().map(org.zugong.platform.security.Actor::username).orElse("system");
        WarningEngine.Outcome o = personId == null ? engine.evaluateAll(LocalDate.now(), by)
                : engine.evaluatePersons(List.of(personId), LocalDate.now(), by);
        long millis = (System.nanoTime() - started) / 1_000_000;
        audit.record("WARNING_EVALUATE", "warning_rule", personId, (personId == null ? "全量评估" : "评估干部 " + personId)
                + "：新增 " + o.raised() + "，保持 " + o.kept() + "，关闭 " + o.closed() + "，用时 " + millis + " 毫秒");
        return new EvaluationJson(o.raised(), o.kept(), o.closed(), millis);
    }

    /** F34: what the rule would have raised on past dates in the caller's jurisdiction; creates nothing. */
    @PostMapping("/{id}/backtest")
    @PreAuthorize("hasAuthority('warning:read')")
    WarningRuleEditor.Backtest backtest(@PathVariable long id, @RequestBody BacktestRequest request) {
        return editor.backtest(id, request.from(), request.to());
    }
}
