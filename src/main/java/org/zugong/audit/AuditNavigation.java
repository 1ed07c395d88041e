package org.zugong.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.NavigationItem;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    NavigationItem auditLogNavigation() {
        return new NavigationItem("系统管理", 90, "审计日志", "/audit", Permissions.AUDIT_READ, 30);
    }
}
