package org.isoband.core.mqtt;

/** Which MQTT the gateway speaks: {@code mqtt.protocol} in the configuration. */
public enum MqttProtocol {
    /** MQTT 5 (the default): reason codes on PUBACK, session expiry, a delayed Last Will. */
    V5("5"),
    /** MQTT 3.1.1 for brokers without MQTT 5; it cannot tell a refused publish from an accepted one. */
    V3_1_1("3.1.1");

    private final String setting;

    MqttProtocol(String setting) {
        this.setting = setting;
    }

    /** As written in the configuration: "5" or "3.1.1". */
    public String setting() {
        return setting;
    }

    /** "5" or "3.1.1" (also "v5", "5.0", "3", "v3.1.1"); null when it is neither. */
    public static MqttProtocol parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT).replaceFirst("^v", "");
        return switch (t) {
            case "5", "5.0" -> V5;
            case "3.1.1", "3", "311" -> V3_1_1;
            default -> null;
        };
    }
}
