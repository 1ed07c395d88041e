package org.zugong.platform.web;

import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final List<NavigationItem> navigation;

    WebConfiguration(List<NavigationItem> navigation) {
        this.navigation = navigation;
    }

    /**
     * No URL rewriting of links. Thymeleaf's auto-configuration registers {@link ResourceUrlEncodingFilter} because
     * the webjars locator turns the resource chain on; it then passes every link of every page through the resource
     * resolvers, which look each one up on the class path (misses are not cached) under the class loader's locks —
     * the issue-8 load test found page rendering serialised there. We version nothing by URL: webjar links are
     * version-less and resolved when the browser asks for them, so the filter only costs.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /** Right inside Spring Session's filter, before Spring Security's: API requests do not see the page session. */
    @Bean
    FilterRegistrationBean<StatelessApiRequests> statelessApiRequests() {
        FilterRegistrationBean<StatelessApiRequests> registration = new FilterRegistrationBean<>(new StatelessApiRequests());
        registration.addUrlPatterns("/api/*");
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PageFrameInterceptor(navigation))
                .excludePathPatterns("/api/**", "/webjars/**", "/css/**", "/js/**");
    }
}
