package org.isoband.gateway.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isoband.core.coach.CoachState;
import org.isoband.core.detect.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The framebuffer output against a file standing in for /dev/fb0 and a sysfs folder describing it. */
class FramebufferScreenTest {

    @TempDir
    Path dir;

    private Path sysfs(int w, int h, int bpp, int stride) throws IOException {
        Path fb = Files.createDirectories(dir.resolve("fb0"));
        Files.writeString(fb.resolve("virtual_size"), w + "," + h + "\n");
        Files.writeString(fb.resolve("bits_per_pixel"), bpp + "\n");
        Files.writeString(fb.resolve("stride"), stride + "\n");
        return fb;
    }

    private ByteBuffer showHold(FramebufferScreen.Geometry g) throws IOException {
        Path device = dir.resolve("fb-device");
        Files.write(device, new byte[g.stride() * g.height()]);
        try (FramebufferScreen fb = new FramebufferScreen(device, g)) {
            fb.show(CoachScreenTest.model(CoachState.HOLDING, Phase.HOLD, 3, 0, null));
        }
        return ByteBuffer.wrap(Files.readAllBytes(device)).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void writes32BitPixelsAsXrgbLittleEndian() throws IOException {
        FramebufferScreen.Geometry g = FramebufferScreen.Geometry.read(sysfs(800, 480, 32, 3200));
        ByteBuffer pixels = showHold(g);

        Rectangle box = new CoachScreen(800, 480).layout().phaseBox();
        int x = box.x + box.height / 4;
        int y = box.y + box.height / 2;
        assertThat(pixels.getInt(y * 3200 + x * 4) & 0xFFFFFF).isEqualTo(PhaseStyle.GREEN.getRGB() & 0xFFFFFF);
    }

    @Test
    void writes16BitPixelsAsRgb565WithTheStrideOfTheDevice() throws IOException {
        // 480x320 SPI screens; a stride wider than the visible line must be honoured.
        FramebufferScreen.Geometry g = FramebufferScreen.Geometry.read(sysfs(480, 320, 16, 1024));
        ByteBuffer pixels = showHold(g);

        Rectangle box = new CoachScreen(480, 320).layout().phaseBox();
        int x = box.x + box.height / 4;
        int y = box.y + box.height / 2;
        assertThat(pixels.getShort(y * 1024 + x * 2)).isEqualTo(FramebufferScreen.rgb565(PhaseStyle.GREEN.getRGB()));
        assertThat(FramebufferScreen.rgb565(0xFFFFFF)).isEqualTo((short) 0xFFFF);
        assertThat(FramebufferScreen.rgb565(0xFF0000)).isEqualTo((short) 0xF800);
    }

    @Test
    void theDashboardsCodeWrittenToA16BitFramebufferStillScans() throws IOException {
        FramebufferScreen.Geometry g = FramebufferScreen.Geometry.read(sysfs(480, 320, 16, 1024));
        Path device = dir.resolve("fb-device");
        Files.write(device, new byte[g.stride() * g.height()]);
        try (FramebufferScreen fb = new FramebufferScreen(device, g)) {
            fb.show(ScreenLayoutTest.model("phone-page"));
        }
        ByteBuffer pixels = ByteBuffer.wrap(Files.readAllBytes(device)).order(ByteOrder.LITTLE_ENDIAN);

        // The device's RGB565 back to an image, as the panel shows it.
        java.awt.image.BufferedImage shown = new java.awt.image.BufferedImage(480, 320, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 320; y++) {
            for (int x = 0; x < 480; x++) {
                int p = Short.toUnsignedInt(pixels.getShort(y * 1024 + x * 2));
                shown.setRGB(x, y, ((p >> 11) & 0x1F) << 19 | ((p >> 5) & 0x3F) << 10 | (p & 0x1F) << 3);
            }
        }
        assertThat(QrReader.read(shown)).contains(ScreenLayoutTest.LINK.url());
    }

    @Test
    void anUnsupportedDepthIsNamed() throws IOException {
        Path fb = sysfs(800, 480, 24, 2400);

        assertThatThrownBy(() -> FramebufferScreen.Geometry.read(fb))
                .hasMessage(fb + ": 24 bits per pixel is not supported (16 or 32)");
    }
}
