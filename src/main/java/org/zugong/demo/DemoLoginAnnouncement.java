package org.zugong.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** On every start of a database that holds the demo accounts, says how to log in. */
@Component
class DemoLoginAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(DemoLoginAnnouncement.class);

    private final JdbcClient jdbc;

    DemoLoginAnnouncement(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(10)
    void ready(ApplicationReadyEvent event) {
        boolean demo = jdbc.sql("SELECT count(*) FROM access_user WHERE username IN ('city', 'county1', 'sysadmin', 'secadmin', 'auditadmin') AND created_by = 'demo'")
                .query(Long.class).single() == 5;
        if (demo) {
            log.info("演示账号（密码均为 {}）：city（全市）、county1…county6（各县）、unit1（单位人事）、branch1 / committee1（党支部、基层党委：发展党员）、talentoffice / service1（人才办、人才服务专员）、talent1（人才账号，登录后进入人才服务门户）、sysadmin / secadmin / auditadmin（三员）", DemoDataLoader.PASSWORD);
        }
    }
}
