package org.zugong.access;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class AccessWebConfiguration implements WebMvcConfigurer {

    private final LoginGuard guard;

    AccessWebConfiguration(LoginGuard guard) {
        this.guard = guard;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PasswordExpiryInterceptor(guard))
                .excludePathPatterns("/api/**", "/webjars/**", "/css/**", "/js/**", "/login", "/logout", "/error");
    }
}
