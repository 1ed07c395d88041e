package org.zugong.warning;

import java.time.LocalDate;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.NavigationItem;

/** The rules menu entry, and the first evaluation of a new installation (so the demo opens with warnings). */
@Configuration(proxyBeanMethods = false)
class WarningRuleNavigation {

    @Bean
    NavigationItem warningRulesMenu() {
        return new NavigationItem("监督预警", 40, "预警规则", "/warnings/rules", Permissions.WARNING_READ, 30);
    }

    /** Evaluates every rule once when nothing was ever evaluated; afterwards events and the nightly run keep it current. */
    @EventListener(ApplicationReadyEvent.class)
    void firstEvaluation(ApplicationReadyEvent event) {
        JdbcClient jdbc = event.getApplicationContext().getBean(JdbcClient.class);
        boolean never = !jdbc.sql("SELECT EXISTS (SELECT 1 FROM warning_event)").query(Boolean.class).single();
        boolean cadres = jdbc.sql("SELECT EXISTS (SELECT 1 FROM cadre_profile)").query(Boolean.class).single();
        if (never && cadres) {
            event.getApplicationContext().getBean(WarningEngine.class).evaluateAll(LocalDate.now(), "首次评估");
        }
    }
}
