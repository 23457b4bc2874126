package org.isoband.gateway.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A touchscreen read from its /dev/input/eventN on a thread of its own: each press, mapped to screen pixels
 * by the {@link TouchGeometry}, goes to the consumer (the screen's taps). Reading a file of recorded events
 * works the same way, which is how the tests drive it. Needs read access to the device (the {@code input}
 * group; the systemd unit grants {@code char-input}).
 */
public final class EvdevTouch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EvdevTouch.class);

    /** A press in screen pixels, with the kernel's time of it. */
    public record Tap(int x, int y, long timeMicros) {
    }

    private final Path device;
    private final InputEventLayout layout;
    private final TouchGeometry geometry;
    private final Consumer<Tap> taps;
    private volatile boolean running;
    private InputStream in;
    private Thread thread;

    public EvdevTouch(Path device, InputEventLayout layout, TouchGeometry geometry, Consumer<Tap> taps) {
        this.device = device;
        this.layout = layout;
        this.geometry = geometry;
        this.taps = taps;
    }

    /** Finds the touchscreen among the system's input devices, if there is one. */
    public static java.util.Optional<Path> findTouchscreen(Path procBusInputDevices) {
        try {
            return InputDevices.touchscreen(Files.readString(procBusInputDevices)).map(InputDevices.Device::eventNode);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    public synchronized void start() throws IOException {
        in = Files.newInputStream(device);
        running = true;
        thread = new Thread(this::run, "touch-" + device.getFileName());
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        TouchTracker tracker = new TouchTracker(p -> {
            int[] xy = geometry.toScreen(p.rawX(), p.rawY());
            taps.accept(new Tap(xy[0], xy[1], p.timeMicros()));
        });
        byte[] record = new byte[layout.bytes()];
        long offset = 0;
        try {
            while (running) {
                int n = in.readNBytes(record, 0, record.length);
                if (n < record.length) {
                    if (n > 0) {
                        LOG.warn(device + ": the stream ended inside an input event (" + n + " of " + record.length
                                + " bytes at byte " + offset + ")");
                    }
                    return;
                }
                tracker.accept(layout.decode(record, 0));
                offset += n;
            }
        } catch (IOException e) {
            if (running) {
                LOG.warn("touch input " + device + " failed, the screen goes on without it: " + e.getMessage());
            }
        } catch (InputEventException e) {
            LOG.warn(device + ": not input events of " + layout.bytes() + " bytes at byte " + (offset + e.offset())
                    + " (set display.touch.event_bytes): " + e.getMessage());
        }
    }

    /** Waits for a recorded file to be read to its end (tests). */
    public void awaitEnd(long millis) throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.join(millis);
        }
    }

    public String describe() {
        return "touch " + device + " (" + layout.bytes() + "-byte events, rotation " + geometry.rotation() + ")";
    }

    public synchronized void stop() {
        running = false;
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException e) {
            // closing a device at shutdown: nothing to do about it
        }
    }

    @Override
    public void close() {
        stop();
    }
}
