package org.zugong.platform.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Errors of server-rendered pages: one error page with the Chinese reason and the right status. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    @ExceptionHandler(RecordNotFoundException.class)
    ModelAndView notFound(RecordNotFoundException e) {
        return page(HttpStatus.NOT_FOUND, "记录不存在", e.getMessage());
    }

    @ExceptionHandler(EditConflictException.class)
    ModelAndView conflict(EditConflictException e) {
        return page(HttpStatus.CONFLICT, "修改冲突", e.getMessage());
    }

    @ExceptionHandler(BusinessRuleException.class)
    ModelAndView rule(BusinessRuleException e) {
        return page(HttpStatus.UNPROCESSABLE_CONTENT, "操作未执行", e.getMessage());
    }

    @ExceptionHandler(FieldErrors.class)
    ModelAndView invalid(FieldErrors e) {
        return page(HttpStatus.BAD_REQUEST, "输入有误", e.getMessage());
    }

    @ExceptionHandler({org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
            org.springframework.web.bind.MissingServletRequestParameterException.class,
            org.springframework.web.bind.MethodArgumentNotValidException.class,
            org.springframework.validation.BindException.class})
    ModelAndView badRequest(Exception e) {
        String detail = switch (e) {
            case org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m -> "参数“" + m.getName() + "”的格式不正确";
            case org.springframework.web.bind.MissingServletRequestParameterException m -> "缺少参数“" + m.getParameterName() + "”，请刷新页面后重试";
            case org.springframework.validation.BindException b when b.getFieldError() != null ->
                    "“" + b.getFieldError().getField() + "”的值不正确（日期请用 yyyy-MM-dd，数字请填阿拉伯数字）";
            default -> "请求参数不正确";
        };
        return page(HttpStatus.BAD_REQUEST, "输入有误", detail);
    }

    /** The error page with a status, a title and the Chinese reason. */
    static ModelAndView page(HttpStatus status, String title, String message) {
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("title", title);
        mav.addObject("message", message);
        return mav;
    }
}
