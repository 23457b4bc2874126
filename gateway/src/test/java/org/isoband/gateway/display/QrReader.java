package org.isoband.gateway.display;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * zxing's QR reader on a whole rendered screen, the way a phone's camera app reads it: it has to find the code
 * among the words itself (no hint that the image is only the code). Shared by the screen's tests, the
 * terminal's QR test and the app's terminal view test.
 */
public final class QrReader {
    private QrReader() {
    }

    /** The text of the QR code found anywhere in {@code image}, if one is found and decodes. */
    public static Optional<String> read(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)));
        try {
            return Optional.of(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText());
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            return Optional.empty();
        }
    }

    /** {@code image} scaled by {@code factor} with bilinear filtering: a coarser, blurred look, as a camera's. */
    public static BufferedImage scaled(BufferedImage image, double factor) {
        int w = (int) Math.round(image.getWidth() * factor);
        int h = (int) Math.round(image.getHeight() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Half-block text (drawn = light, as on a dark terminal) back to pixels, {@code scale} pixels a module. */
    public static BufferedImage fromHalfBlocks(List<String> lines, int scale) {
        int width = lines.stream().mapToInt(String::length).max().orElse(0) * scale;
        int height = lines.size() * 2 * scale;
        BufferedImage image = new BufferedImage(width + 8 * scale, height + 8 * scale, BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < lines.size(); row++) {
            String line = lines.get(row);
            for (int col = 0; col < line.length(); col++) {
                char c = line.charAt(col);
                boolean topLight = c == '\u2588' || c == '\u2580';
                boolean bottomLight = c == '\u2588' || c == '\u2584';
                for (int dy = 0; dy < 2 * scale; dy++) {
                    boolean light = dy < scale ? topLight : bottomLight;
                    for (int dx = 0; dx < scale; dx++) {
                        image.setRGB(4 * scale + col * scale + dx, 4 * scale + row * 2 * scale + dy, light ? 0xFFFFFF : 0x000000);
                    }
                }
            }
        }
        return image;
    }
}
