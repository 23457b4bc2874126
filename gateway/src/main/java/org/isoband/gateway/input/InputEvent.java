package org.isoband.gateway.input;

/**
 * One {@code struct input_event} from /dev/input/eventN.
 *
 * @param seconds      the kernel's timestamp, seconds part
 * @param microseconds the kernel's timestamp, microseconds part
 * @param type         EV_SYN, EV_KEY, EV_ABS...
 * @param code         e.g. ABS_MT_POSITION_X, BTN_TOUCH
 * @param value        the new value (signed: a tracking id of -1 is a lifted finger)
 */
public record InputEvent(long seconds, long microseconds, int type, int code, int value) {
    public static final int EV_SYN = 0x00;
    public static final int EV_KEY = 0x01;
    public static final int EV_ABS = 0x03;
    public static final int SYN_REPORT = 0;
    public static final int SYN_DROPPED = 3;
    public static final int BTN_TOUCH = 0x14a;
    public static final int ABS_X = 0x00;
    public static final int ABS_Y = 0x01;
    public static final int ABS_MT_SLOT = 0x2f;
    public static final int ABS_MT_POSITION_X = 0x35;
    public static final int ABS_MT_POSITION_Y = 0x36;
    public static final int ABS_MT_TRACKING_ID = 0x39;
}
