package org.zugong.platform.upload;

/** An upload refused as a whole; the message is Chinese and safe to show (it never quotes the content). */
public final class UploadRefused extends RuntimeException {

    public UploadRefused(String message) {
        super(message, null, false, false);
    }
}
