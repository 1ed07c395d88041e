package org.zugong.cadre;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zugong.person.PersonDetailTab;
import org.zugong.platform.security.Permissions;
import org.zugong.platform.web.NavigationItem;

@Configuration(proxyBeanMethods = false)
class CadreNavigation {

    @Bean
    NavigationItem cadreListNavigation() {
        return new NavigationItem("干部管理", 20, "干部查询", "/cadres", Permissions.CADRE_READ, 10);
    }

    @Bean
    NavigationItem cadreImportNavigation() {
        return new NavigationItem("干部管理", 20, "导入任免审批表", "/cadres/import", Permissions.CADRE_WRITE, 15);
    }

    @Bean
    NavigationItem cadreEligibilityNavigation() {
        return new NavigationItem("干部管理", 20, "职级晋升资格", "/cadres/eligibility", Permissions.CADRE_READ, 30);
    }

    /** The 干部档案 tab on the person page. */
    @Bean
    PersonDetailTab cadrePersonTab() {
        return new PersonDetailTab("cadre", "干部档案", "/cadres/person-tab/{id}", Permissions.CADRE_READ, 10);
    }
}
