package org.isoband.gateway.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The terminal's QR code read back by zxing's decoder, as a phone would read it off the screen. */
class QrCodeTest {
    private static final String URL = "http://192.168.1.20:8080/?token=f2c665e31b05029a3ac7efa0a9bb54b5";

    /** The text's half blocks back to pixels (drawn = light, as on a dark terminal), 4 pixels a module. */
    private static String decode(List<String> lines) throws Exception {
        int scale = 4;
        int width = lines.get(0).length() * scale;
        int height = lines.size() * 2 * scale;
        int[] pixels = new int[width * height];
        for (int row = 0; row < lines.size(); row++) {
            String line = lines.get(row);
            for (int col = 0; col < line.length(); col++) {
                char c = line.charAt(col);
                boolean topLight = c == '\u2588' || c == '\u2580';
                boolean bottomLight = c == '\u2588' || c == '\u2584';
                for (int dy = 0; dy < 2 * scale; dy++) {
                    boolean light = dy < scale ? topLight : bottomLight;
                    for (int dx = 0; dx < scale; dx++) {
                        pixels[(row * 2 * scale + dy) * width + col * scale + dx] = light ? 0xFFFFFF : 0x000000;
                    }
                }
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }

    @Test
    void theDashboardsAddressPrintedAsTextReadsBackAsTheAddress() throws Exception {
        QrCode qr = QrCode.of(URL);

        List<String> text = qr.asText();

        assertThat(decode(text)).isEqualTo(URL);
        assertThat(text).allSatisfy(l -> assertThat(l).hasSize(qr.size() + 2 * QrCode.QUIET_ZONE));
        assertThat(text).hasSize((qr.size() + 2 * QrCode.QUIET_ZONE + 1) / 2);
        assertThat(qr.size()).as("version 4 (33 modules) fits 80 columns and a small terminal").isLessThanOrEqualTo(37);
    }

    @Test
    void theQuietZoneIsLightAndTheFinderCornerDark() {
        QrCode qr = QrCode.of("isoband");

        assertThat(qr.dark(-1, 0)).isFalse();
        assertThat(qr.dark(0, 0)).isTrue();
        assertThat(qr.asText().get(0)).matches("\u2588+");
    }

    @Test
    void aTextNoQrCodeHoldsIsRefused() {
        assertThatThrownBy(() -> QrCode.of("x".repeat(8000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no QR code holds 8000 characters");
    }
}
