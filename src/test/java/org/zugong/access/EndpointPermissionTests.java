package org.zugong.access;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.zugong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every handler of the application declares the permission it needs. A new controller method
 * without {@code @PreAuthorize} fails this test (and so the build), unless it is one of the few
 * that any signed-in user, or anybody, may reach.
 */
class EndpointPermissionTests extends IntegrationTest {

    /** Handlers open to any signed-in user (or, for login and token, to anybody), by class and method. */
    private static final Set<String> OPEN = Set.of(
            "LoginPage.login",
            "HomePage.home",
            "AccountPages.form",
            "AccountPages.change",
            "AccountPages.secondFactor",
            "AccountPages.enrolSecondFactor",
            "AccountPages.disableSecondFactor",
            "TokenApi.token",
            // the talent card's public verification (F71): anybody, rate-limited per client address
            "CardVerificationPages.form",
            "CardVerificationPages.scanned",
            "CardVerificationApi.verify");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApplicationHandlerDeclaresItsPermission() {
        List<String> undeclared = mappings.getHandlerMethods().values().stream()
                .filter(h -> h.getBeanType().getPackageName().startsWith("org.zugong"))
                .filter(h -> !h.hasMethodAnnotation(PreAuthorize.class) && !h.getBeanType().isAnnotationPresent(PreAuthorize.class))
                .map(EndpointPermissionTests::name)
                .filter(n -> !OPEN.contains(n))
                .sorted()
                .toList();
        assertThat(undeclared).as("handlers without @PreAuthorize").isEmpty();
    }

    @Test
    void theOpenListNamesOnlyHandlersThatExist() {
        List<String> names = mappings.getHandlerMethods().values().stream().map(EndpointPermissionTests::name).toList();
        assertThat(names).containsAll(OPEN);
    }

    private static String name(HandlerMethod h) {
        return h.getBeanType().getSimpleName().replaceAll("\\$\\$.*", "") + "." + h.getMethod().getName();
    }
}
