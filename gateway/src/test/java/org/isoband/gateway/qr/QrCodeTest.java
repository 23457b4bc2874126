package org.isoband.gateway.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.isoband.gateway.display.QrReader;
import org.junit.jupiter.api.Test;

/** The terminal's QR code read back by zxing's decoder, as a phone would read it off the screen. */
class QrCodeTest {
    private static final String URL = "http://192.168.1.20:8080/?token=f2c665e31b05029a3ac7efa0a9bb54b5";

    @Test
    void theDashboardsAddressPrintedAsTextReadsBackAsTheAddress() {
        QrCode qr = QrCode.of(URL);

        List<String> text = qr.asText();

        assertThat(QrReader.read(QrReader.fromHalfBlocks(text, 4))).contains(URL);
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
