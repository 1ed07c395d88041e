package org.zugong.platform.command;

import java.util.Arrays;
import java.util.stream.Stream;

/** Whether the process was started to run one {@link ApplicationCommand} rather than to serve. */
public final class CommandLine {

    static final String OPTION = "--zugong.command=";

    private CommandLine() {
    }

    public static boolean requested(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.startsWith(OPTION));
    }

    /**
     * The arguments of a command run: the web application context is built as usual (its security
     * configuration needs one) but opens no HTTP port ({@code server.port=-1}), and no demo data is
     * loaded into a database a command looks at.
     */
    public static String[] forCommand(String[] args) {
        return Stream.concat(Arrays.stream(args), Stream.of("--server.port=-1", "--zugong.demo-data=false")).toArray(String[]::new);
    }
}
