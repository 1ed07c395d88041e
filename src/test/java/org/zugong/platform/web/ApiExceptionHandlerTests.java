package org.zugong.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

import static org.assertj.core.api.Assertions.assertThat;

/** What the API answers to failures no handler of its own expects. */
class ApiExceptionHandlerTests {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void aClientThatClosedTheConnectionGetsNoAnswerAndNoServerError() {
        var brokenPipe = new HttpMessageNotWritableException("Could not write JSON",
                new AsyncRequestNotUsableException("ServletOutputStream failed to write: java.io.IOException: Broken pipe"));
        assertThat(handler.unexpected(brokenPipe)).isNull();
    }

    @Test
    void anyOtherUnexpectedFailureIsAServerErrorWithAChineseProblem() {
        var answer = handler.unexpected(new IllegalStateException("boom"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody().getTitle()).isEqualTo("服务器内部错误");
    }
}
