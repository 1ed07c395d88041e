package org.zugong.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The client address of the current request, for audit records. */
public final class RequestOrigin {

    private RequestOrigin() {
    }

    public static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return "-";
    }

    /** "GET /persons/12" of the current request, for audit records of refusals. */
    public static String requestLine() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            String line = request.getMethod() + " " + request.getRequestURI();
            return line.length() > 100 ? line.substring(0, 100) : line;
        }
        return "-";
    }
}
