package org.zugong.platform.command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;

/** --zugong.command=… runs that command and makes its result the exit code; without it nothing runs. */
class CommandRunnerTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int runs;

    private final ApplicationCommand failing = new ApplicationCommand() {
        @Override
        public String name() {
            return "verify-audit-chain";
        }

        @Override
        public int run(PrintStream printed) {
            runs++;
            printed.println("审计链在第 7 号记录处断开");
            return 1;
        }
    };

    @Test
    void theNamedCommandRunsAndItsResultBecomesTheExitCode() {
        CommandRunner runner = new CommandRunner("verify-audit-chain", List.of(failing), new PrintStream(out, true, StandardCharsets.UTF_8));
        runner.run(new DefaultApplicationArguments());
        assertThat(runs).isEqualTo(1);
        assertThat(runner.getExitCode()).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("第 7 号记录");
    }

    @Test
    void anUnknownCommandNamesTheKnownOnesAndFails() {
        CommandRunner runner = new CommandRunner("verify-everything", List.of(failing), new PrintStream(out, true, StandardCharsets.UTF_8));
        runner.run(new DefaultApplicationArguments());
        assertThat(runs).isZero();
        assertThat(runner.getExitCode()).isEqualTo(CommandRunner.UNKNOWN_COMMAND);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("未知命令").contains("verify-audit-chain");
    }

    @Test
    void withoutACommandTheApplicationServesAsUsual() {
        CommandRunner runner = new CommandRunner("", List.of(failing), new PrintStream(out, true, StandardCharsets.UTF_8));
        runner.run(new DefaultApplicationArguments());
        assertThat(runs).isZero();
        assertThat(runner.getExitCode()).isZero();
        assertThat(CommandLine.requested(new String[] {"--server.port=0"})).isFalse();
        assertThat(CommandLine.requested(new String[] {"--zugong.command=verify-audit-chain"})).isTrue();
        assertThat(CommandLine.forCommand(new String[] {"--zugong.command=verify-audit-chain"})).contains("--server.port=-1", "--zugong.demo-data=false");
    }
}
