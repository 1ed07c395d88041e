package org.zugong.platform.command;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Runs the command named by {@code zugong.command}, after every start-up check (keys, migrations). */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class CommandRunner implements ApplicationRunner, ExitCodeGenerator {

    static final int UNKNOWN_COMMAND = 2;

    private final String requested;
    private final List<ApplicationCommand> commands;
    private final PrintStream out;
    private int exitCode;

    @org.springframework.beans.factory.annotation.Autowired
    CommandRunner(@Value("${zugong.command:}") String requested, List<ApplicationCommand> commands) {
        this(requested, commands, System.out);
    }

    CommandRunner(String requested, List<ApplicationCommand> commands, PrintStream out) {
        this.requested = requested;
        this.commands = commands;
        this.out = out;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!StringUtils.hasText(requested)) {
            return;
        }
        Optional<ApplicationCommand> command = commands.stream().filter(c -> c.name().equals(requested.trim())).findFirst();
        if (command.isEmpty()) {
            out.println("未知命令：" + requested + "；可用命令："
                    + commands.stream().map(ApplicationCommand::name).sorted().collect(Collectors.joining("、")));
            exitCode = UNKNOWN_COMMAND;
            return;
        }
        exitCode = command.get().run(out);
        out.flush();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
