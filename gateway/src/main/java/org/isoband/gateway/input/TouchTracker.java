package org.isoband.gateway.input;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Turns a touchscreen's events into presses: a press is the moment the first finger comes down, at where it
 * came down, reported at the SYN_REPORT that completes the frame. Understands single-touch devices
 * (BTN_TOUCH with ABS_X/ABS_Y) and multitouch protocol B (ABS_MT_SLOT, ABS_MT_TRACKING_ID, ABS_MT_POSITION_X/Y);
 * evdev sends only what changed, so positions are remembered across frames. After SYN_DROPPED (the kernel's
 * buffer overflowed) everything up to the next SYN_REPORT is discarded.
 */
public final class TouchTracker {
    /** A press at the panel's raw coordinates, with the kernel's time of its frame in microseconds. */
    public record Press(int rawX, int rawY, long timeMicros) {
    }

    private static final int SLOTS = 16;
    private final Consumer<Press> presses;
    private final int[] trackingId = new int[SLOTS];
    private final int[] slotX = new int[SLOTS];
    private final int[] slotY = new int[SLOTS];
    private int slot;
    private int x;
    private int y;
    private boolean btnTouch;
    private boolean multitouch;
    private boolean touching;
    private boolean dropping;

    public TouchTracker(Consumer<Press> presses) {
        this.presses = presses;
        Arrays.fill(trackingId, -1);
    }

    public void accept(InputEvent e) {
        if (dropping) {
            if (e.type() == InputEvent.EV_SYN && e.code() == InputEvent.SYN_REPORT) {
                dropping = false;
            }
            return;
        }
        switch (e.type()) {
            case InputEvent.EV_KEY -> {
                if (e.code() == InputEvent.BTN_TOUCH) {
                    btnTouch = e.value() != 0;
                }
            }
            case InputEvent.EV_ABS -> abs(e.code(), e.value());
            case InputEvent.EV_SYN -> {
                if (e.code() == InputEvent.SYN_DROPPED) {
                    dropping = true;
                } else if (e.code() == InputEvent.SYN_REPORT) {
                    frame(e.seconds() * 1_000_000 + e.microseconds());
                }
            }
            default -> { }
        }
    }

    private void abs(int code, int value) {
        switch (code) {
            case InputEvent.ABS_X -> x = value;
            case InputEvent.ABS_Y -> y = value;
            case InputEvent.ABS_MT_SLOT -> slot = Math.max(0, Math.min(SLOTS - 1, value));
            case InputEvent.ABS_MT_TRACKING_ID -> {
                multitouch = true;
                trackingId[slot] = value;
            }
            case InputEvent.ABS_MT_POSITION_X -> {
                multitouch = true;
                slotX[slot] = value;
            }
            case InputEvent.ABS_MT_POSITION_Y -> {
                multitouch = true;
                slotY[slot] = value;
            }
            default -> { }
        }
    }

    private void frame(long micros) {
        int active = -1;
        for (int i = 0; i < SLOTS && active < 0; i++) {
            if (trackingId[i] >= 0) {
                active = i;
            }
        }
        boolean now = btnTouch || active >= 0;
        if (now && !touching) {
            if (multitouch && active >= 0) {
                presses.accept(new Press(slotX[active], slotY[active], micros));
            } else {
                presses.accept(new Press(x, y, micros));
            }
        }
        touching = now;
    }
}
