package org.zugong.talent;

/** An attachment of a service request (the content is read only by the download). */
public record ServiceAttachment(long id, long requestId, String fileName, String contentType, int size) {
}
