package org.zugong.cadre;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of an LRMX file into text: UTF-8 with or without BOM, or the GBK family (GBK,
 * GB2312, GB18030 — all read as GB18030, their superset) when the XML declaration says so. A file
 * that claims UTF-8 but is not valid UTF-8 is read as GB18030, as older tools wrote such files.
 */
final class LrmxEncoding {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final Pattern DECLARED = Pattern.compile("<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._\\-]+)[\"']");

    private LrmxEncoding() {
    }

    static String decode(byte[] bytes) {
        if (startsWithUtf8Bom(bytes)) {
            return decodeUtf8OrGb(bytes, 3);
        }
        return isGbFamily(declaredEncoding(bytes)) ? new String(bytes, GB18030) : decodeUtf8OrGb(bytes, 0);
    }

    private static boolean startsWithUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private static String declaredEncoding(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "UTF-8";
    }

    private static boolean isGbFamily(String encoding) {
        return encoding.equals("GBK") || encoding.equals("GB2312") || encoding.equals("GB18030")
                || encoding.equals("CP936");
    }

    private static String decodeUtf8OrGb(byte[] bytes, int offset) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, bytes.length - offset, GB18030);
        }
    }
}
