package org.zugong.talent;

/**
 * The body of every action on a request (page form and API): {@code version} as read (optimistic locking; required
 * for status changes), {@code text} (the reason of 不予受理, the result of 办结, the comment, the rating's comment),
 * {@code visible} (a staff comment shown to the talent), {@code officerId} (改派), {@code rating} (1–5).
 */
public record ServiceRequestAction(Integer version, String text, Boolean visible, Long officerId, Integer rating) {
}
