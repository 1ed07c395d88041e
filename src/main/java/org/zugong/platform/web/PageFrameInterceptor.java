package org.zugong.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.zugong.platform.security.Actor;

/** Adds what the page frame needs (signed-in user, navigation) to every rendered page. */
class PageFrameInterceptor implements HandlerInterceptor {

    private final List<NavigationItem> items;

    PageFrameInterceptor(List<NavigationItem> items) {
        this.items = items.stream()
                .sorted(Comparator.comparingInt(NavigationItem::groupOrder).thenComparingInt(NavigationItem::order))
                .toList();
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (mav == null || mav.getViewName() == null || mav.getViewName().startsWith("redirect:")) {
            return;
        }
        Actor.current().ifPresent(actor -> {
            mav.addObject("actor", actor);
            Map<String, List<NavigationItem>> groups = items.stream()
                    .filter(i -> i.permission() == null || actor.can(i.permission()))
                    .collect(Collectors.groupingBy(NavigationItem::group, LinkedHashMap::new, Collectors.toList()));
            mav.addObject("navigation", groups);
        });
        mav.addObject("requestPath", request.getRequestURI());
        mav.addObject("activeHref", activeHref(request.getRequestURI()));
    }

    /** The menu entry of a page: the longest href that is the path or a parent of it (/cadres/import beats /cadres). */
    String activeHref(String path) {
        return items.stream().map(NavigationItem::href)
                .filter(href -> path.equals(href) || path.startsWith(href.endsWith("/") ? href : href + "/"))
                .max(Comparator.comparingInt(String::length)).orElse(null);
    }
}
