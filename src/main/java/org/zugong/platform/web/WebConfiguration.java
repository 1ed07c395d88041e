package org.zugong.platform.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final List<NavigationItem> navigation;

    WebConfiguration(List<NavigationItem> navigation) {
        this.navigation = navigation;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PageFrameInterceptor(navigation))
                .excludePathPatterns("/api/**", "/webjars/**", "/css/**", "/js/**");
    }
}
