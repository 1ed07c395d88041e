package org.zugong.platform.web;

/**
 * A record that does not exist or that lies outside the caller's jurisdiction: both answer 404 so
 * that ids of other counties' records reveal nothing.
 */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String what, Object id) {
        super(what + "不存在或不在您的管辖范围内（编号 " + id + "）");
    }
}
