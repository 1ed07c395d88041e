package org.zugong.platform.web;

/** An operation refused by a rule of the domain (e.g. deactivating an organization with active children). */
public class BusinessRuleException extends RuntimeException {

    public BusinessRuleException(String message) {
        super(message);
    }
}
