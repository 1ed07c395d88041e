package org.zugong.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Prints where the application answers, once it is ready. */
@Component
class StartupAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(StartupAnnouncement.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        if (StringUtils.hasText(env.getProperty("zugong.command"))) {
            return; // a maintenance command: nothing answers
        }
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        log.info("智慧组工云已启动：http://localhost:{}/", port);
    }
}
