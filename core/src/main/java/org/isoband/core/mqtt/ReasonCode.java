package org.isoband.core.mqtt;

import java.util.Locale;
import java.util.Map;

/**
 * An MQTT 5 reason code as a broker sends it in a PUBACK, SUBACK or CONNACK (MQTT 5.0, section 2.4). Below
 * 0x80 is success (0x10 "No matching subscribers" too: the broker took the message); 0x80 and above is a
 * refusal, and the message was not published.
 *
 * @param value the code, 0-255
 */
public record ReasonCode(int value) {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x00, "Success"),
            Map.entry(0x10, "No matching subscribers"),
            Map.entry(0x80, "Unspecified error"),
            Map.entry(0x83, "Implementation specific error"),
            Map.entry(0x87, "Not authorized"),
            Map.entry(0x90, "Topic Name invalid"),
            Map.entry(0x91, "Packet Identifier in use"),
            Map.entry(0x97, "Quota exceeded"),
            Map.entry(0x99, "Payload format invalid"));

    public static final ReasonCode SUCCESS = new ReasonCode(0);

    public ReasonCode {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("an MQTT reason code is 0-255, got " + value);
        }
    }

    /** 0x80 and above: the broker did not publish the message. */
    public boolean refusal() {
        return value >= 0x80;
    }

    public String name() {
        return NAMES.getOrDefault(value, refusal() ? "refused" : "success");
    }

    /** {@code 0x87 Not authorized}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "0x%02X %s", value, name());
    }
}
