package org.zugong.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Failures that happen before any controller is chosen (an upload over the size limit, an unknown
 * address): a Chinese problem for the API, the error page for the browser.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnhandledRequestAdvice {

    static final String MESSAGE = "上传的文件超过大小限制（单个文件不超过 20MB）";

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return answer(request, response, HttpStatus.CONTENT_TOO_LARGE, "文件过大", MESSAGE);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return answer(request, response, HttpStatus.NOT_FOUND, "页面不存在", "地址不存在");
    }

    private static ModelAndView answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                                       String message) throws IOException {
        if (request.getRequestURI().startsWith("/api/")) {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                    + ",\"detail\":\"" + message + "\"}");
            return null;
        }
        return PageExceptionHandler.page(status, title, message);
    }
}
