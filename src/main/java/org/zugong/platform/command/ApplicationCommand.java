package org.zugong.platform.command;

import java.io.PrintStream;

/**
 * A maintenance task run instead of the web application: {@code --zugong.command=<name>} starts the
 * context without a web server, runs the command with this name and exits with its code.
 */
public interface ApplicationCommand {

    String name();

    /** Prints its result for the operator; returns the process exit code (0 = success). */
    int run(PrintStream out);
}
