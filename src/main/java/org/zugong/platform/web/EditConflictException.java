package org.zugong.platform.web;

/** Optimistic-lock conflict: someone saved the record after this form was opened. */
public class EditConflictException extends RuntimeException {

    public EditConflictException(String what) {
        super(what + "已被他人修改，请刷新后重新编辑；您的修改未保存。");
    }
}
