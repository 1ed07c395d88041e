package org.zugong.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.method.MethodValidationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of the JSON API as RFC 9457 problems with a Chinese {@code detail}. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(RecordNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(RecordNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "记录不存在", e.getMessage(), null);
    }

    @ExceptionHandler(EditConflictException.class)
    ResponseEntity<ProblemDetail> conflict(EditConflictException e) {
        return problem(HttpStatus.CONFLICT, "修改冲突", e.getMessage(), null);
    }

    @ExceptionHandler(FieldErrors.class)
    ResponseEntity<ProblemDetail> invalid(FieldErrors e) {
        return problem(HttpStatus.BAD_REQUEST, "输入有误", e.getMessage(), e.errors());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<FieldErrors.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldErrors.FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        String detail = errors.isEmpty() ? "输入有误" : errors.getFirst().field() + "：" + errors.getFirst().message();
        return problem(HttpStatus.BAD_REQUEST, "输入有误", detail, errors);
    }

    @ExceptionHandler(MethodValidationException.class)
    ResponseEntity<ProblemDetail> invalid(MethodValidationException e) {
        return problem(HttpStatus.BAD_REQUEST, "输入有误", "请求参数不合法", null);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e) {
        String detail = e instanceof MissingServletRequestParameterException m
                ? "缺少参数：" + m.getParameterName()
                : e instanceof MethodArgumentTypeMismatchException m ? "参数格式错误：" + m.getName() : "请求内容无法解析，请检查 JSON 格式和日期格式（yyyy-MM-dd）";
        return problem(HttpStatus.BAD_REQUEST, "请求格式错误", detail, null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "无权访问", "您没有执行此操作的权限", null);
    }

    @ExceptionHandler(BusinessRuleException.class)
    ResponseEntity<ProblemDetail> rule(BusinessRuleException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "不符合业务规则", e.getMessage(), null);
    }

    @ExceptionHandler(org.springframework.web.HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(org.springframework.web.HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "方法不允许", "该地址不支持 " + e.getMethod() + " 请求", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (clientGone(e)) {
            // The client closed the connection (a cancelled download, a closed tab, the end of a load test): nothing
            // can be answered, and it is no fault of the server, so no error with a stack trace in the log.
            log.debug("Client went away: {}", e.toString());
            return null;
        }
        if (DatabaseUnavailable.causes(e)) {
            // Not a fault of this request (the type varies with where the connection was lost): say so, without a stack trace.
            log.warn("Database unavailable: {}", e.toString());
            return problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.TITLE, DatabaseUnavailable.MESSAGE, null);
        }
        if (tooLong(e)) {
            // A text longer than its column (SQLState 22001) that no form check caught: the transaction is rolled back,
            // so the request changed nothing — say so as a 400 rather than a server error.
            return problem(HttpStatus.BAD_REQUEST, "输入有误", "输入的内容超过了允许的长度，请缩短后重试", null);
        }
        if (e instanceof org.springframework.web.ErrorResponse known && !known.getStatusCode().is5xxServerError()) {
            // Spring's own 4xx (unsupported media type, unknown path, …): keep the status, explain in Chinese.
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            String detail = switch (status) {
                case UNSUPPORTED_MEDIA_TYPE -> "请以 Content-Type: application/json 发送请求体";
                case NOT_ACCEPTABLE -> "无法按请求的格式（Accept）返回结果";
                case NOT_FOUND -> "地址不存在";
                default -> "请求不被接受（" + status.value() + "）";
            };
            return problem(status, "请求不被接受", detail, null);
        }
        log.error("Unexpected API error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误", "服务器处理请求时出错，请稍后重试或联系系统管理员", null);
    }

    private static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.web.context.request.async.AsyncRequestNotUsableException) {
                return true;
            }
        }
        return false;
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, List<FieldErrors.FieldError> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("about:blank"));
        if (errors != null && !errors.isEmpty()) {
            p.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        }
        return ResponseEntity.status(status).body(p);
    }

    /** Whether a database refusal of a too-long value (SQLState 22001) lies in the chain. */
    static boolean tooLong(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "22001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
