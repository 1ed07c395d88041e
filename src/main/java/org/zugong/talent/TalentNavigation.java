package org.zugong.talent;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.NavigationItem;

@Configuration(proxyBeanMethods = false)
class TalentNavigation {

    static final String GROUP = "人才工作";
    static final int GROUP_ORDER = 60;

    @Bean
    NavigationItem talentRegistryNavigation() {
        return new NavigationItem(GROUP, GROUP_ORDER, "人才库", "/talents", Permissions.TALENT_READ, 10);
    }

    @Bean
    NavigationItem talentRecognitionNavigation() {
        return new NavigationItem(GROUP, GROUP_ORDER, "人才认定", "/talent-applications", Permissions.TALENT_READ, 20);
    }

    /** The employer's HR (talent:employer without talent:read) confirms its unit's applications. */
    @Bean
    NavigationItem talentRecognitionEmployerNavigation() {
        return new NavigationItem(GROUP, GROUP_ORDER, "人才认定（单位确认）", "/talent-applications?stage=SUBMITTED", Permissions.TALENT_EMPLOYER, 21);
    }

    @Bean
    NavigationItem talentPointsNavigation() {
        return new NavigationItem(GROUP, GROUP_ORDER, "乡土人才积分", "/talent-points", Permissions.TALENT_READ, 40);
    }

    @Bean
    NavigationItem talentStatisticsNavigation() {
        return new NavigationItem(GROUP, GROUP_ORDER, "人才统计", "/talents/statistics", Permissions.TALENT_READ, 50);
    }

    /** The talent account's entries: its portal, its applications and its card (the services add 我的服务申请). */
    @Bean
    NavigationItem talentPortalNavigation() {
        return new NavigationItem("人才服务", 5, "我的首页", "/portal", Permissions.TALENT_SELF, 10);
    }

    @Bean
    NavigationItem talentPortalApplicationsNavigation() {
        return new NavigationItem("人才服务", 5, "我的认定申请", "/portal/applications", Permissions.TALENT_SELF, 15);
    }

    @Bean
    NavigationItem talentPortalCardNavigation() {
        return new NavigationItem("人才服务", 5, "我的英才卡", "/portal/card", Permissions.TALENT_SELF, 20);
    }
}
