package org.zugong.talent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The card's QR code: a PNG of the absolute public URL {@code /verify/{number}?token=…} (configured base URL, else the request's). */
@Component
class TalentCardQr {

    private final CardTokens tokens;
    private final TalentCardSettings settings;

    TalentCardQr(CardTokens tokens, TalentCardSettings settings) {
        this.tokens = tokens;
        this.settings = settings;
    }

    String url(TalentCard card, HttpServletRequest request) {
        String base = settings.publicBaseUrl() != null ? settings.publicBaseUrl()
                : ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
        return base + "/verify/" + card.number() + "?token="
                + URLEncoder.encode(tokens.sign(card.number(), card.validUntil(), card.tierCode()), StandardCharsets.UTF_8);
    }

    byte[] png(String text) {
        try {
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            var image = new java.awt.image.BufferedImage(matrix.getWidth(), matrix.getHeight(), java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "PNG", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("二维码生成失败", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
