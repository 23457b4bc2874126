package org.isoband.gateway.mqtt;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What Home Assistant discovery needs beyond the broker: where Home Assistant announces itself, the
 * dashboard's address for the devices' "visit" link, the bands' hardware addresses, and the clock whose
 * local midnight resets "today".
 *
 * @param statusTopic  Home Assistant's birth topic; {@code homeassistant/status} whatever the discovery prefix,
 *                     as Home Assistant's own default is
 * @param dashboardUrl the home dashboard's address ({@code http://...}) when it runs, or null
 * @param hardwareIds  per band name (as configured; sanitized here): its BLE address ({@code AA:BB:CC:DD:EE:FF})
 *                     or a configured id. Present, it is the band's identity in Home Assistant, so renaming the
 *                     band or moving it to another gateway keeps its device and statistics
 * @param clock        the wall clock and time zone of "today" (a fixed clock in tests)
 */
public record HomeAssistantOptions(String statusTopic, String dashboardUrl, Map<String, String> hardwareIds, Clock clock) {
    public static final String DEFAULT_STATUS_TOPIC = "homeassistant/status";
    private static final Pattern MAC = Pattern.compile("([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}");

    public HomeAssistantOptions {
        Objects.requireNonNull(statusTopic, "statusTopic");
        if (statusTopic.isEmpty() || statusTopic.contains("+") || statusTopic.contains("#") || statusTopic.startsWith("/")) {
            throw new IllegalArgumentException("Home Assistant status topic \"" + statusTopic + "\" must be a topic without wildcards");
        }
        if (dashboardUrl != null) {
            URI uri = URI.create(dashboardUrl);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("dashboard URL \"" + dashboardUrl + "\" must be http:// or https://");
            }
        }
        Map<String, String> ids = new HashMap<>();
        for (Map.Entry<String, String> e : hardwareIds.entrySet()) {
            if (e.getValue() != null && !e.getValue().isBlank()) {
                ids.put(TopicNames.sanitize(e.getKey()), e.getValue().trim());
            }
        }
        hardwareIds = Map.copyOf(ids);
        Objects.requireNonNull(clock, "clock");
    }

    /** Home Assistant's default birth topic, no dashboard, bands known by name, the system clock. */
    public static HomeAssistantOptions defaults() {
        return new HomeAssistantOptions(DEFAULT_STATUS_TOPIC, null, Map.of(), Clock.systemDefaultZone());
    }

    public HomeAssistantOptions withStatusTopic(String topic) {
        return new HomeAssistantOptions(topic, dashboardUrl, hardwareIds, clock);
    }

    public HomeAssistantOptions withDashboard(String url) {
        return new HomeAssistantOptions(statusTopic, url, hardwareIds, clock);
    }

    public HomeAssistantOptions withHardwareId(String band, String id) {
        Map<String, String> ids = new HashMap<>(hardwareIds);
        ids.put(band, id);
        return new HomeAssistantOptions(statusTopic, dashboardUrl, ids, clock);
    }

    public HomeAssistantOptions withClock(Clock newClock) {
        return new HomeAssistantOptions(statusTopic, dashboardUrl, hardwareIds, newClock);
    }

    /** The band's hardware id, or null when it is known by name only. */
    String hardwareId(String band) {
        return hardwareIds.get(TopicNames.sanitize(band));
    }

    /** A BLE address in Home Assistant's form (lowercase, colons), or null when the id is not one. */
    static String bluetoothAddress(String hardwareId) {
        return hardwareId != null && MAC.matcher(hardwareId).matches() ? hardwareId.toLowerCase(Locale.ROOT) : null;
    }
}
