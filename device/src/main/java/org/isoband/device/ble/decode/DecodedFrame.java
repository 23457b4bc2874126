package org.isoband.device.ble.decode;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What one notification or advertisement carried.
 *
 * @param sequence the frame's sequence number, for formats that number their frames (isoband: uint16)
 * @param flags    what the frame says about itself
 * @param readings in the order the sensor took them; empty for frames that carry no force
 */
public record DecodedFrame(OptionalInt sequence, Set<FrameFlag> flags, List<ForceReading> readings) {

    public DecodedFrame {
        flags = Set.copyOf(flags);
        readings = List.copyOf(readings);
    }

    /** A frame from a format without sequence numbers or flags. */
    public static DecodedFrame of(List<ForceReading> readings) {
        return new DecodedFrame(OptionalInt.empty(), Set.of(), readings);
    }

    /** A frame that carries no force, such as a command response. */
    public static DecodedFrame empty() {
        return of(List.of());
    }

    public boolean has(FrameFlag flag) {
        return flags.contains(flag);
    }
}
