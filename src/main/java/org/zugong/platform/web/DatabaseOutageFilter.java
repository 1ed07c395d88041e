package org.zugong.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is unreachable, a failure anywhere in the request (the bearer-token or session
 * check in the security filters, a page controller) becomes a 503 with the Chinese reason instead of
 * the container's 500. Outside the security filters, so that it also covers them; the page answer is
 * plain HTML, because the error page's layout would need the database itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnavailable.causes(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable ({} {}): {}", request.getMethod(), request.getRequestURI(), e.toString());
            response.resetBuffer();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Retry-After", "10");
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                write(response, "{\"type\":\"about:blank\",\"title\":\"" + DatabaseUnavailable.TITLE + "\",\"status\":503,\"detail\":\""
                        + DatabaseUnavailable.MESSAGE + "\"}");
            } else {
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                write(response, "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>"
                        + DatabaseUnavailable.TITLE + " - 智慧组工云</title></head><body><h1>" + DatabaseUnavailable.TITLE
                        + "</h1><p>" + DatabaseUnavailable.MESSAGE + "。</p><p>状态码 503</p><p><a href=\"/\">返回首页</a></p></body></html>");
            }
        }
    }

    /**
     * Through whichever of the output stream and the writer the response already handed out: a download (an Excel
     * export) that lost the database midway has taken the stream, a page the writer, and asking for the other one
     * would throw instead of answering 503.
     */
    private static void write(HttpServletResponse response, String body) throws IOException {
        try {
            response.getOutputStream().write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalStateException writerTaken) {
            response.getWriter().write(body);
        }
    }
}
