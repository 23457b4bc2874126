package org.isoband.gateway.qr;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.ArrayList;
import java.util.List;

/**
 * A QR code (zxing's encoder, error correction M: a phone still reads it off a smudged screen) as its square
 * of modules, for the terminal ({@link #asText}) and the Pi's screen (drawn module by module).
 */
public final class QrCode {
    /** The blank border scanners need around the code, in modules (the standard asks for 4). */
    public static final int QUIET_ZONE = 4;

    private final boolean[][] dark;

    private QrCode(boolean[][] dark) {
        this.dark = dark;
    }

    /** @throws IllegalArgumentException when {@code text} is too long for any QR code */
    public static QrCode of(String text) {
        ByteMatrix m;
        try {
            m = Encoder.encode(text, ErrorCorrectionLevel.M).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("no QR code holds " + text.length() + " characters: " + e.getMessage(), e);
        }
        boolean[][] dark = new boolean[m.getHeight()][m.getWidth()];
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                dark[y][x] = m.get(x, y) == 1;
            }
        }
        return new QrCode(dark);
    }

    /** Modules per side, without the quiet zone. */
    public int size() {
        return dark.length;
    }

    /** Whether the module at column {@code x}, row {@code y} is dark; outside the code (the quiet zone): false. */
    public boolean dark(int x, int y) {
        return y >= 0 && y < dark.length && x >= 0 && x < dark.length && dark[y][x];
    }

    /**
     * The code with its quiet zone as lines of text, two rows of modules per line with Unicode half blocks. The
     * light modules are the drawn ones, so that on a terminal's dark background the code shows dark on light as
     * printed codes are (phone cameras read either way round).
     */
    public List<String> asText() {
        return asText(QUIET_ZONE);
    }

    /** As {@link #asText()}, with a quiet zone of {@code quietZone} modules (where rows are scarce: a terminal). */
    public List<String> asText(int quietZone) {
        List<String> lines = new ArrayList<>();
        int from = -quietZone;
        int to = size() + quietZone;
        for (int y = from; y < to; y += 2) {
            StringBuilder line = new StringBuilder(to - from);
            for (int x = from; x < to; x++) {
                boolean top = !dark(x, y);
                boolean bottom = y + 1 >= to || !dark(x, y + 1);   // past the last row: quiet zone too
                line.append(top && bottom ? '\u2588' : top ? '\u2580' : bottom ? '\u2584' : ' ');
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
