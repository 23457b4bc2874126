package org.isoband.device.ble.decode;

/** Facts a frame states about itself, beyond its readings. */
public enum FrameFlag {
    /** The sensor (re)started its stream with this frame: the sequence restarted, so no gap before it. */
    SEQUENCE_RESTARTED,
    /** At least one reading was clipped at the sensor's range; the true force was at least that large. */
    SATURATED
}
