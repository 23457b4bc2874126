package org.isoband.gateway.input;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The input devices the kernel lists in /proc/bus/input/devices, and which of them is a touchscreen, judged
 * by its capabilities rather than its name: it reports absolute positions (EV_ABS with ABS_X/ABS_Y or
 * ABS_MT_POSITION_X/Y) and touches (BTN_TOUCH), and says it is direct (INPUT_PROP_DIRECT: on the screen, not a
 * touchpad). The bitmaps are printed as hexadecimal C longs, most significant first; the kernel's long may be
 * 64 or 32 bits (a 32-bit userland on a 64-bit kernel), so both readings are tried.
 */
public final class InputDevices {
    private static final int INPUT_PROP_DIRECT = 0x01;

    /** One device's block: its name, its event node and its capability bitmaps (as printed). */
    public record Device(String name, Path eventNode, String prop, String ev, String key, String abs) {

        /** Is it a touchscreen (see the class comment)? */
        public boolean touchscreen() {
            for (int word : new int[] {64, 32}) {
                boolean direct = bit(prop, INPUT_PROP_DIRECT, word);
                boolean absolute = bit(ev, InputEvent.EV_ABS, word) && bit(ev, InputEvent.EV_KEY, word);
                boolean positions = (bit(abs, InputEvent.ABS_X, word) && bit(abs, InputEvent.ABS_Y, word))
                        || (bit(abs, InputEvent.ABS_MT_POSITION_X, word) && bit(abs, InputEvent.ABS_MT_POSITION_Y, word));
                if (direct && absolute && positions && bit(key, InputEvent.BTN_TOUCH, word)) {
                    return true;
                }
            }
            return false;
        }
    }

    private InputDevices() {
    }

    /** Reads the text of /proc/bus/input/devices. */
    public static List<Device> parse(String text) {
        List<Device> devices = new ArrayList<>();
        for (String block : text.split("\\n\\s*\\n")) {
            String name = "";
            String handlers = "";
            String prop = "0";
            String ev = "0";
            String key = "0";
            String abs = "0";
            for (String line : block.split("\\n")) {
                String l = line.strip();
                if (l.startsWith("N: Name=")) {
                    name = l.substring(8).replace("\"", "");
                } else if (l.startsWith("H: Handlers=")) {
                    handlers = l.substring(12);
                } else if (l.startsWith("B: PROP=")) {
                    prop = l.substring(8);
                } else if (l.startsWith("B: EV=")) {
                    ev = l.substring(6);
                } else if (l.startsWith("B: KEY=")) {
                    key = l.substring(7);
                } else if (l.startsWith("B: ABS=")) {
                    abs = l.substring(7);
                }
            }
            for (String h : handlers.split("\\s+")) {
                if (h.startsWith("event")) {
                    devices.add(new Device(name, Path.of("/dev/input", h), prop, ev, key, abs));
                }
            }
        }
        return devices;
    }

    /** The first touchscreen listed, if any. */
    public static Optional<Device> touchscreen(String procBusInputDevices) {
        return parse(procBusInputDevices).stream().filter(Device::touchscreen).findFirst();
    }

    /** Bit {@code n} of a bitmap printed as space-separated hex words of {@code wordBits} bits, high word first. */
    static boolean bit(String bitmap, int n, int wordBits) {
        String[] words = bitmap.strip().split("\\s+");
        int index = n / wordBits;
        if (index >= words.length) {
            return false;
        }
        String word = words[words.length - 1 - index].toLowerCase(Locale.ROOT);
        if (word.length() > wordBits / 4) {
            return false;        // a word too wide for this reading: the other word size it is
        }
        return new BigInteger(word, 16).testBit(n % wordBits);
    }
}
