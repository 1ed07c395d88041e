package org.zugong.audit;

import java.io.PrintStream;
import org.springframework.stereotype.Component;
import org.zugong.platform.command.ApplicationCommand;

/**
 * {@code --zugong.command=verify-audit-chain}: walks the chain as the audit page does, prints the
 * outcome and exits 0 when intact, 1 at the first broken row. The run is recorded in the log.
 */
@Component
class VerifyAuditChainCommand implements ApplicationCommand {

    static final int BROKEN = 1;

    private final AuditChain chain;
    private final AuditLog log;

    VerifyAuditChainCommand(AuditChain chain, AuditLog log) {
        this.chain = chain;
        this.log = log;
    }

    @Override
    public String name() {
        return "verify-audit-chain";
    }

    @Override
    public int run(PrintStream out) {
        AuditChain.ChainVerification v = chain.verify();
        if (v.intact()) {
            out.println("审计链完整，共 " + v.checked() + " 条");
        } else {
            out.println("审计链在第 " + v.firstBrokenId().get() + " 号记录处断开：" + v.reason().orElse(""));
        }
        log.recordAs("command", "AUDIT_VERIFY", "audit", null,
                v.intact() ? "命令行校验：完整（" + v.checked() + " 条）" : "命令行校验：断开于 " + v.firstBrokenId().get());
        return v.intact() ? 0 : BROKEN;
    }
}
