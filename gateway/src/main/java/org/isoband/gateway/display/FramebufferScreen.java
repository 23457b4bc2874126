package org.isoband.gateway.display;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The screen written straight to the Linux framebuffer (/dev/fb0) for a Pi without a desktop. Reads the
 * framebuffer's size, depth and line length from sysfs; draws 32 bpp (XRGB8888) or 16 bpp (RGB565), little
 * endian, as the Pi's and SPI screens' drivers expect.
 */
public final class FramebufferScreen implements Display {
    private final Path device;
    private final int width;
    private final int height;
    private final int bitsPerPixel;
    private final int stride;
    private final CoachScreen screen;
    private final RandomAccessFile out;
    private final ByteBuffer line;
    private final ScreenTaps taps;
    private volatile org.isoband.gateway.input.EvdevTouch touch;

    /** The geometry sysfs reports for a framebuffer. */
    public record Geometry(int width, int height, int bitsPerPixel, int stride) {
        /** Reads {@code virtual_size}, {@code bits_per_pixel} and {@code stride} from e.g. /sys/class/graphics/fb0. */
        public static Geometry read(Path sysfs) throws IOException {
            String[] size = Files.readString(sysfs.resolve("virtual_size")).trim().split(",");
            int bpp = Integer.parseInt(Files.readString(sysfs.resolve("bits_per_pixel")).trim());
            int w = Integer.parseInt(size[0]);
            int h = Integer.parseInt(size[1]);
            Path strideFile = sysfs.resolve("stride");
            int stride = Files.exists(strideFile) ? Integer.parseInt(Files.readString(strideFile).trim()) : w * bpp / 8;
            if (bpp != 16 && bpp != 32) {
                throw new IOException(sysfs + ": " + bpp + " bits per pixel is not supported (16 or 32)");
            }
            return new Geometry(w, h, bpp, stride);
        }
    }

    public FramebufferScreen(Path device, Geometry geometry) throws IOException {
        this(device, geometry, DisplayControls.NONE);
    }

    /** @param controls where taps on the screen go (see {@link #taps()}) */
    public FramebufferScreen(Path device, Geometry geometry, DisplayControls controls) throws IOException {
        this.device = device;
        this.width = geometry.width();
        this.height = geometry.height();
        this.bitsPerPixel = geometry.bitsPerPixel();
        this.stride = geometry.stride();
        this.screen = new CoachScreen(width, height);
        this.out = new RandomAccessFile(device.toFile(), "rw");
        this.line = ByteBuffer.allocate(stride).order(ByteOrder.LITTLE_ENDIAN);
        this.taps = new ScreenTaps(screen, controls);
    }

    /** The touchscreen whose presses go to {@link #taps()}; closed with the screen. */
    public void attach(org.isoband.gateway.input.EvdevTouch touch) {
        this.touch = touch;
    }

    @Override
    public boolean takesInput() {
        return touch != null;
    }

    /** Presses on this screen, in its pixels: where a touchscreen's input goes. */
    public ScreenTaps taps() {
        return taps;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    @Override
    public void show(ScreenModel model) {
        BufferedImage image = screen.render(model);
        taps.shown(model, System.nanoTime());
        try {
            out.seek(0);
            for (int y = 0; y < height; y++) {
                line.clear();
                for (int x = 0; x < width; x++) {
                    int rgb = image.getRGB(x, y);
                    if (bitsPerPixel == 32) {
                        line.putInt(rgb | 0xFF000000);
                    } else {
                        line.putShort(rgb565(rgb));
                    }
                }
                out.write(line.array(), 0, stride);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + device + ": " + e.getMessage(), e);
        }
    }

    static short rgb565(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        return (short) (((r >> 3) << 11) | ((g >> 2) << 5) | (b >> 3));
    }

    @Override
    public String describe() {
        return "framebuffer " + device + " (" + width + "x" + height + ", " + bitsPerPixel + " bpp)"
                + (touch != null ? ", " + touch.describe() : ", no touch");
    }

    @Override
    public void close() {
        if (touch != null) {
            touch.close();
        }
        try {
            out.close();
        } catch (IOException e) {
            // nothing left to show: closing a device that failed is not worth a report
        }
    }
}
