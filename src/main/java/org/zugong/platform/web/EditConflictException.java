package org.zugong.platform.web;

/** Optimistic-lock conflict: someone saved the record after this form was opened. */
public class EditConflictException extends RuntimeException {

    public EditConflictException(String what) {
        super(what + "已被他人修改，请刷新后重新编辑；您的修改未保存。");
    }

    /** Shows the conflict at the top of the re-rendered form, answered as 409 like the API. */
    public void showOn(org.springframework.validation.BindingResult binding, jakarta.servlet.http.HttpServletResponse response) {
        binding.reject("conflict", getMessage());
        response.setStatus(409);
    }
}
