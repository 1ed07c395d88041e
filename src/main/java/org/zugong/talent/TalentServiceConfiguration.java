package org.zugong.talent;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.NavigationItem;

/** The one-stop service's contributions: navigation entries, the portal link 我的服务申请, the talent detail's section. */
@Configuration(proxyBeanMethods = false)
class TalentServiceConfiguration {

    @Bean
    NavigationItem talentServiceQueueNavigation() {
        return new NavigationItem(TalentNavigation.GROUP, TalentNavigation.GROUP_ORDER, "服务申请", "/talent-services",
                Permissions.TALENT_SERVICE, 40);
    }

    @Bean
    NavigationItem talentServiceStatsNavigation() {
        return new NavigationItem(TalentNavigation.GROUP, TalentNavigation.GROUP_ORDER, "服务时效统计", "/talent-services/stats",
                Permissions.TALENT_READ, 45);
    }

    @Bean
    NavigationItem talentServicePortalNavigation() {
        return new NavigationItem("人才服务", 5, "我的服务申请", "/portal/services", Permissions.TALENT_SELF, 30);
    }

    @Bean
    PortalLink talentServicePortalLink() {
        return new PortalLink("services", "我的服务申请", "/portal/services", "子女入学、安居、医疗、落户、配偶就业、项目申报等一站式服务，查看办理进度并评价", 30);
    }

    @Bean
    TalentDetailSection talentServiceSection() {
        return new TalentDetailSection("services", "服务申请", "/talent-services/section/{id}", Permissions.TALENT_READ, 30);
    }
}
