package org.zugong.talent;

/** An uploaded file kept in the database (证明材料, 积分证明): its name as uploaded, its checked type, its bytes. */
record StoredFile(String name, String type, byte[] content) {

    /** The Content-Type it is served with: the upload check admits PDF, PNG and JPEG only. */
    String contentType() {
        return switch (type) {
            case "PDF" -> "application/pdf";
            case "PNG" -> "image/png";
            default -> "image/jpeg";
        };
    }
}
