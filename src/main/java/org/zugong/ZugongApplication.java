package org.zugong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.zugong.platform.command.CommandLine;

/** 智慧组工云 — one deployable: web pages, JSON API and the embedded database in development. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ZugongApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ZugongApplication.class);
        if (CommandLine.requested(args)) {
            // A maintenance command (e.g. verify-audit-chain): no HTTP port, exit with its code.
            System.exit(SpringApplication.exit(application.run(CommandLine.forCommand(args))));
        }
        application.run(args);
    }
}
